package uk.london.victims.web.portal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.london.victims.domain.cases.Agency;
import uk.london.victims.projections.timeline.CaseTimelineView;
import uk.london.victims.projections.timeline.TimelineEntryView;

/**
 * Where a victim's case stands, in their words: one sentence for the stage, the outcome (verdict, sentence in
 * words, the orders and bail rules that protect them), which agencies have been involved so far, and whether a
 * prosecution is under way. Only steps the victim may see are read, so nothing here tells them more than their
 * timeline does.
 */
public final class CaseStanding {

    /**
     * The outcome of the case as far as it has gone; null or empty where nothing is known yet.
     *
     * @param sentence the sentence in words, as it continues a sentence ("18 months in prison")
     */
    public record Outcome(String verdict, String sentence, List<String> orders, List<String> bailRules) {
        public boolean any() {
            return verdict != null || sentence != null || !orders.isEmpty();
        }
    }

    /** Where a Victim Personal Statement goes, for the wording that tells the victim so. */
    public enum StatementGoes { PROSECUTED, NOT_PROSECUTED, CONCLUDED }

    /**
     * Words that mark an order or bail rule as being about the victim's safety: contact, approaching, places
     * they may be, or the victim and witnesses themselves. Other rules (reporting to a police station, a
     * passport surrendered, driving bans) say nothing to the victim and are left to the agencies.
     */
    private static final Pattern ABOUT_THE_VICTIM = Pattern.compile(
            "victim|contact|approach|communicat|\\benter|exclusion|\\bzone|witness|restrain|non-molestation|protection"
            + "|stalking|harass|molest|compensation",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LENGTH = Pattern.compile("(\\d+)\\s*(year|month|week)s?", Pattern.CASE_INSENSITIVE);
    /** Events after which a suspect's earlier bail rules no longer bind them. */
    private static final Set<String> BAIL_ENDS = Set.of("BailCancelled", "NoFurtherActionTaken", "ProsecutionDiscontinued",
            "NoEvidenceOffered", "VerdictRecorded", "SentenceRecorded", "OutOfCourtDisposalGiven", "CaseClosed");

    private CaseStanding() {
    }

    /** The sentence as a victim would say it, e.g. "18 months in prison" or "a community order for 12 months". */
    static String sentenceInWords(String type, Integer months) {
        Optional<String> length = Optional.ofNullable(months).filter(m -> m > 0).map(CaseStanding::lengthInWords);
        return switch (String.valueOf(type)) {
            case "IMMEDIATE_CUSTODY" -> length.map(l -> l + " in prison").orElse("a prison sentence");
            case "SUSPENDED_SENTENCE" -> length.map(l -> l + " in prison, suspended").orElse("a suspended prison sentence")
                    + " (the offender does not go to prison unless they break its rules or offend again)";
            case "COMMUNITY_ORDER" -> "a community order" + length.map(l -> " for " + l).orElse("")
                    + " (the Probation Service supervises the offender)";
            case "FINE" -> "a fine";
            case "DISCHARGE" -> "a discharge (no punishment now, but a conviction is recorded)";
            case "HOSPITAL_ORDER" -> "a hospital order (the offender is kept in hospital for treatment)";
            default -> "a sentence the Witness Care Unit will explain to you";
        };
    }

    /** "18 months", "5 years", "1 month": whole years in years, anything else in months, as courts announce them. */
    static String lengthInWords(int months) {
        if (months % 12 == 0) {
            int years = months / 12;
            return years + (years == 1 ? " year" : " years");
        }
        return months + (months == 1 ? " month" : " months");
    }

    /**
     * An ancillary order in the victim's words, if it is about their safety: "Restraining order, 5 years" becomes
     * "A restraining order for 5 years: the offender must not contact you or come near you. If they do, call 999."
     */
    static Optional<String> orderForVictim(String order) {
        if (order == null || order.isBlank() || !ABOUT_THE_VICTIM.matcher(order).find()) {
            return Optional.empty();
        }
        String lower = order.toLowerCase(Locale.UK);
        Matcher length = LENGTH.matcher(order);
        String lasting = length.find() ? " for " + length.group(1) + " " + plural(length.group(2).toLowerCase(Locale.UK),
                Integer.parseInt(length.group(1))) : lower.contains("indefinite") || lower.contains("further order")
                ? " with no end date" : "";
        if (lower.contains("restraining order")) {
            return Optional.of("A restraining order" + lasting
                               + ": the offender must not contact you or come near you. If they do, call 999.");
        }
        if (lower.contains("non-molestation")) {
            return Optional.of("A non-molestation order" + lasting + ": the offender must not harass or threaten you. If they do, call 999.");
        }
        return Optional.of(order.strip());
    }

    private static String plural(String unit, int amount) {
        return amount == 1 ? unit : unit + "s";
    }

    static boolean bailRuleForVictim(String rule) {
        return rule != null && !rule.isBlank() && ABOUT_THE_VICTIM.matcher(rule).find();
    }

    /** The outcome so far: the latest verdict or guilty plea, the latest sentence, and the protecting orders and bail rules. */
    static Outcome outcome(CaseTimelineView timeline) {
        String verdict = null;
        String sentence = null;
        List<String> orders = new ArrayList<>();
        Map<Object, List<String>> bail = new LinkedHashMap<>();
        Map<Object, Object> defendantOfHearing = new LinkedHashMap<>();
        for (TimelineEntryView entry : visible(timeline)) {
            Map<String, Object> details = entry.details();
            Object suspect = details.get("suspectId");
            switch (entry.type()) {
                case "HearingListed" -> defendantOfHearing.put(details.get("hearingId"), suspect);
                case "HearingOutcomeRecorded" -> {
                    String outcome = String.valueOf(details.get("outcome"));
                    Object defendant = defendantOfHearing.get(details.get("hearingId"));
                    if ("GUILTY_PLEA".equals(outcome)) {
                        verdict = "The defendant pleaded guilty.";
                    } else if ("BAILED".equals(outcome)) {
                        bail.put(defendant, strings(details.get("conditions")));
                    } else if ("REMANDED_IN_CUSTODY".equals(outcome)) {
                        bail.remove(defendant);
                    }
                }
                case "VerdictRecorded" -> verdict = "GUILTY".equals(String.valueOf(details.get("verdict")))
                        ? "The defendant was found guilty." : "The defendant was found not guilty.";
                case "SentenceRecorded" -> {
                    sentence = sentenceInWords(String.valueOf(details.get("sentence")),
                            details.get("lengthMonths") instanceof Number n ? n.intValue() : null);
                    orders = strings(details.get("ancillaryOrders")).stream().map(CaseStanding::orderForVictim)
                            .flatMap(Optional::stream).toList();
                }
                case "SuspectReleasedOnBail", "BailConditionsChanged" -> bail.put(suspect, strings(details.get("conditions")));
                default -> {
                }
            }
            if (BAIL_ENDS.contains(entry.type())) {
                if ("CaseClosed".equals(entry.type())) {
                    bail.clear();
                } else {
                    bail.remove(suspect);
                }
            }
        }
        List<String> bailRules = bail.values().stream().flatMap(List::stream).filter(CaseStanding::bailRuleForVictim).distinct().toList();
        return new Outcome(verdict, sentence, orders, bailRules);
    }

    /**
     * The agencies that have had a part in the case so far, in the order a case meets them. The police always
     * have; the others once a step of theirs, or one that hands the case to them, is on the victim's timeline.
     */
    static Set<Agency> agenciesInvolved(CaseTimelineView timeline) {
        Set<Agency> involved = EnumSet.of(Agency.POLICE);
        for (TimelineEntryView entry : visible(timeline)) {
            switch (String.valueOf(entry.agency())) {
                case "CPS" -> involved.add(Agency.CPS);
                case "COURT" -> involved.add(Agency.COURT);
                case "WITNESS_CARE" -> involved.add(Agency.WITNESS_CARE);
                case "PROBATION" -> involved.add(Agency.PROBATION);
                default -> {
                }
            }
            switch (entry.type()) {
                // A file sent for a charging decision is the CPS's to decide; once charged, the CPS prosecutes.
                case "FileSentToCps", "SuspectCharged" -> involved.add(Agency.CPS);
                // A listed hearing brings in the court, and the Witness Care Unit that keeps victims told about it.
                case "HearingListed" -> involved.addAll(List.of(Agency.CPS, Agency.COURT, Agency.WITNESS_CARE));
                case "SentenceRecorded" -> {
                    if (Set.of("IMMEDIATE_CUSTODY", "SUSPENDED_SENTENCE", "COMMUNITY_ORDER", "HOSPITAL_ORDER")
                            .contains(String.valueOf(entry.details().get("sentence")))) {
                        involved.add(Agency.PROBATION);
                    }
                }
                default -> {
                }
            }
        }
        return involved;
    }

    /** Whether a prosecution is under way (a Victim Personal Statement goes to court), has not begun, or is over. */
    static StatementGoes statementGoes(CaseTimelineView timeline) {
        boolean charged = false;
        boolean over = false;
        for (TimelineEntryView entry : visible(timeline)) {
            switch (entry.type()) {
                case "SuspectCharged" -> charged = true;
                case "ChargingDecisionMade" -> charged |= "CHARGE".equals(String.valueOf(entry.details().get("decision")));
                case "ProsecutionDiscontinued", "NoEvidenceOffered" -> charged = false;
                case "SentenceRecorded", "CaseClosed" -> over = true;
                case "VerdictRecorded" -> over |= "NOT_GUILTY".equals(String.valueOf(entry.details().get("verdict")));
                default -> {
                }
            }
        }
        return over ? StatementGoes.CONCLUDED : charged ? StatementGoes.PROSECUTED : StatementGoes.NOT_PROSECUTED;
    }

    /**
     * The case's status as far as the victim's own steps show it: the summary's status counts steps an agency
     * marked not for the victim (a covert arrest, say), and the first sentence of the page must not reveal them.
     * The same rule as the case summary's projection, over the visible steps only.
     */
    static String visibleStatus(CaseTimelineView timeline, String summaryStatus) {
        if (timeline.entries().stream().noneMatch(TimelineEntryView::notForVictim)) {
            return summaryStatus;
        }
        String status = null;
        for (TimelineEntryView entry : visible(timeline)) {
            String value = String.valueOf(entry.details().get(switch (entry.type()) {
                case "ChargingDecisionMade" -> "decision";
                case "VerdictRecorded" -> "verdict";
                case "HearingOutcomeRecorded" -> "outcome";
                default -> "-";
            }));
            String after = switch (entry.type()) {
                case "CrimeReported" -> "REPORTED";
                case "CrimeRecorded" -> "RECORDED";
                case "SuspectIdentified", "CaseReopened" -> "UNDER_INVESTIGATION";
                case "FileSentToCps" -> "WITH_CPS";
                case "SuspectCharged" -> "CHARGED";
                case "ChargingDecisionMade" -> "CHARGE".equals(value) ? "CHARGED"
                        : "NO_FURTHER_ACTION".equals(value) ? "NO_FURTHER_ACTION" : "UNDER_INVESTIGATION";
                case "NoFurtherActionTaken" -> "NO_FURTHER_ACTION";
                case "OutOfCourtDisposalGiven" -> "OUT_OF_COURT_DISPOSAL";
                case "ProsecutionDiscontinued", "NoEvidenceOffered" -> "PROSECUTION_STOPPED";
                case "AppealLodged" -> "APPEAL_PENDING";
                case "AppealDecided" -> "ALLOWED".equals(String.valueOf(entry.details().get("outcome"))) ? "APPEAL_ALLOWED" : "SENTENCED";
                case "HearingListed" -> "AT_COURT";
                case "HearingOutcomeRecorded" -> "GUILTY_PLEA".equals(value) ? "CONVICTED" : null;
                case "VerdictRecorded" -> "GUILTY".equals(value) ? "CONVICTED" : "ACQUITTED";
                case "SentenceRecorded" -> "SENTENCED";
                case "CrimeNotInvestigated" -> "NOT_INVESTIGATED";
                case "CaseFiled" -> "FILED";
                case "CaseClosed" -> "CLOSED";
                default -> null;
            };
            if (after != null) {
                status = after;
            }
        }
        return status == null ? "REPORTED" : status;
    }

    private static List<TimelineEntryView> visible(CaseTimelineView timeline) {
        return timeline.entries().stream().filter(entry -> !entry.notForVictim()).toList();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
