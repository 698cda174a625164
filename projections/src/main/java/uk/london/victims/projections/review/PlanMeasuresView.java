package uk.london.victims.projections.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Plan's own measures from the same events.
 *
 * @param cases                 cases reported in the period
 * @param endedWithoutConviction by offence category, then by how (not investigated, no further action,
 *                              prosecution stopped, acquitted, filed): the attrition the Plan tracks
 * @param medianDaysReportToOutcome  by court (magistrates', Crown): report to verdict or guilty plea
 * @param medianDaysChargeToOutcome  by court: charge to verdict or guilty plea
 * @param victims               distinct victims in those cases
 * @param repeatVictims         of those, victims in more than one case reported within 12 months of each other
 * @param restorativeJusticeOffered cases where restorative justice was offered
 * @param restorativeJusticeTakenUp cases where the victim asked for it or a conference or indirect communication was held
 * @param victimsInChargedCases victims in cases where someone was charged
 * @param personalStatementOffered of those, victims offered (or who made or declined) a Victim Personal Statement
 * @param satisfactionByStage   victims' own ratings of their treatment, every stage in journey order, small
 *                              counts withheld as in the published review
 */
public record PlanMeasuresView(Instant from, Instant to, Instant asOf, long cases,
                               Map<String, Map<String, Long>> endedWithoutConviction,
                               Map<String, Double> medianDaysReportToOutcome, Map<String, Double> medianDaysChargeToOutcome,
                               long victims, long repeatVictims, long restorativeJusticeOffered, long restorativeJusticeTakenUp,
                               long victimsInChargedCases, long personalStatementOffered,
                               List<StageSatisfaction> satisfactionByStage) {
}
