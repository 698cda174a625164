package uk.london.victims.projections.review;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

import uk.london.victims.projections.support.IsoInstants;

/**
 * What one case adds to the Plan's measures, from its facts recorded by an as-of instant, folded in one pass in
 * the case's order (a review reads every case of its period, so this is its inner loop).
 */
final class CaseMeasures {

    final Set<String> victims = new HashSet<>();
    final Set<String> statementVictims = new HashSet<>();
    /** Per stage, each victim's latest rating: a victim who changes their mind counts once. */
    final Map<String, Map<String, Integer>> ratings = new HashMap<>();
    String offence = "not recorded";
    boolean convicted;
    /** How the case ended without a conviction, if it did; the latest such ending counts. */
    String ending;
    /** The earliest verdict or guilty plea. */
    Instant outcome;
    boolean crown;
    /** The earliest charge, by the police or the CPS. */
    Instant charged;
    boolean rjOffered;
    boolean rjTakenUp;

    static CaseMeasures of(List<Document> facts, Instant asOf) {
        CaseMeasures m = new CaseMeasures();
        for (Document fact : facts) {
            if (IsoInstants.parse(fact.getString("recordedAt")).isAfter(asOf)) {
                continue;
            }
            Document fields = fact.get("fields", Document.class);
            switch (fact.getString("type")) {
                case "VictimAdded" -> m.victims.add(text(fields, "victimId"));
                case "CrimeRecorded", "CrimeReclassified" -> {
                    String offence = text(fields, "offence");
                    m.offence = offence == null ? "not recorded" : offence;
                }
                case "HearingOutcomeRecorded" -> {
                    String outcome = text(fields, "outcome");
                    if ("GUILTY_PLEA".equals(outcome)) {
                        m.convicted = true;
                        m.outcome = earliest(m.outcome, PlanMeasuresProjection.occurredAt(fact));
                    }
                    m.crown |= "SENT_TO_CROWN_COURT".equals(outcome);
                }
                case "VerdictRecorded" -> {
                    String verdict = text(fields, "verdict");
                    m.convicted |= "GUILTY".equals(verdict);
                    m.outcome = earliest(m.outcome, PlanMeasuresProjection.occurredAt(fact));
                    m.ending = "NOT_GUILTY".equals(verdict) ? "acquitted" : m.ending;
                }
                case "HearingListed" -> {
                    String court = text(fields, "court");
                    m.crown |= court != null && court.contains("Crown");
                }
                case "SuspectCharged" -> m.charged = earliest(m.charged, PlanMeasuresProjection.occurredAt(fact));
                case "ChargingDecisionMade" -> {
                    String decision = text(fields, "decision");
                    if ("CHARGE".equals(decision)) {
                        m.charged = earliest(m.charged, PlanMeasuresProjection.occurredAt(fact));
                    }
                    m.ending = "NO_FURTHER_ACTION".equals(decision) ? "no further action (CPS)" : m.ending;
                }
                case "RestorativeJusticeStepRecorded" -> {
                    String step = text(fields, "step");
                    m.rjOffered |= "OFFERED".equals(step);
                    m.rjTakenUp |= "REQUESTED_BY_VICTIM".equals(step) || "CONFERENCE_HELD".equals(step)
                                   || "INDIRECT_COMMUNICATION_HELD".equals(step);
                }
                case "VictimPersonalStatementRecorded" -> m.statementVictims.add(text(fields, "victimId"));
                case "TreatmentRated" -> m.ratings.computeIfAbsent(text(fields, "stage"), x -> new HashMap<>())
                        .put(text(fields, "victimId"), ((Number) fields.get("rating")).intValue());
                case "CrimeNotInvestigated" -> m.ending = "not investigated";
                case "NoFurtherActionTaken" -> m.ending = "no further action (police)";
                case "ProsecutionDiscontinued", "NoEvidenceOffered" -> m.ending = "prosecution stopped";
                case "CaseFiled" -> m.ending = "filed";
                case "CaseReopened" -> m.ending = null;
                default -> {
                }
            }
        }
        return m;
    }

    private static String text(Document fields, String field) {
        Object value = fields.get(field);
        return value == null ? null : value.toString();
    }

    private static Instant earliest(Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }
}
