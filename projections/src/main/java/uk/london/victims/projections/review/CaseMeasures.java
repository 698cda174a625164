package uk.london.victims.projections.review;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

import uk.london.victims.projections.support.IsoInstants;

/**
 * What one case adds to the Plan's measures, from its facts recorded by an as-of instant, folded in one pass in
 * the case's order. The query folds a case's facts for a past as-of date; the projection folds all of them
 * after each event and keeps the result in the case's day summary ({@link #toSummary}), which answers for any
 * as-of instant at or after the case's last recording (ADR 0052).
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

    /**
     * The measures as a case's summary, one line of text: {@code known|reported|offence|flags|ending|outcome|charged|
     * victims|statements|ratings}, where {@code known} is when the case's latest fact was recorded (the instant from
     * which the summary is the answer), flags are convicted, Crown Court, restorative justice offered and taken up,
     * lists are comma-separated and ratings are {@code STAGE=victim:rating,…;…}. Text rather than a document: a
     * year's review reads 60,000 summaries, and one string each is what the store encodes and the driver decodes
     * fastest (ADR 0052). No value holds a separator: ids are letters, digits and hyphens, offences and stages
     * enum names, endings the fixed phrases above.
     */
    String toSummary(Instant reported, Instant known) {
        StringBuilder line = new StringBuilder(160).append(known).append('|').append(reported).append('|')
                .append(offence).append('|').append(flag(convicted)).append(flag(crown)).append(flag(rjOffered))
                .append(flag(rjTakenUp)).append('|').append(ending == null ? "" : ending).append('|')
                .append(outcome == null ? "" : outcome).append('|').append(charged == null ? "" : charged).append('|')
                .append(String.join(",", victims)).append('|').append(String.join(",", statementVictims)).append('|');
        String stages = "";
        for (Map.Entry<String, Map<String, Integer>> stage : ratings.entrySet()) {
            line.append(stages).append(stage.getKey()).append('=');
            String entries = "";
            for (Map.Entry<String, Integer> rating : stage.getValue().entrySet()) {
                line.append(entries).append(rating.getKey()).append(':').append(rating.getValue());
                entries = ",";
            }
            stages = ";";
        }
        return line.toString();
    }

    /** When the summarised case's latest fact was recorded. */
    static Instant summaryKnown(String summary) {
        return IsoInstants.parse(summary.substring(0, summary.indexOf('|')));
    }

    /** When the summarised case was reported. */
    static Instant summaryReported(String summary) {
        int start = summary.indexOf('|') + 1;
        return IsoInstants.parse(summary.substring(start, summary.indexOf('|', start)));
    }

    static CaseMeasures fromSummary(String summary) {
        String[] parts = summary.split("\\|", -1);
        CaseMeasures m = new CaseMeasures();
        m.offence = parts[2];
        m.convicted = parts[3].charAt(0) == '1';
        m.crown = parts[3].charAt(1) == '1';
        m.rjOffered = parts[3].charAt(2) == '1';
        m.rjTakenUp = parts[3].charAt(3) == '1';
        m.ending = parts[4].isEmpty() ? null : parts[4];
        m.outcome = parts[5].isEmpty() ? null : IsoInstants.parse(parts[5]);
        m.charged = parts[6].isEmpty() ? null : IsoInstants.parse(parts[6]);
        list(parts[7], m.victims);
        list(parts[8], m.statementVictims);
        if (!parts[9].isEmpty()) {
            for (String stage : parts[9].split(";")) {
                int equals = stage.indexOf('=');
                Map<String, Integer> byVictim = m.ratings.computeIfAbsent(stage.substring(0, equals), x -> new HashMap<>());
                for (String rating : stage.substring(equals + 1).split(",")) {
                    int colon = rating.lastIndexOf(':');
                    byVictim.put(rating.substring(0, colon), Integer.parseInt(rating.substring(colon + 1)));
                }
            }
        }
        return m;
    }

    private static void list(String text, Set<String> into) {
        if (!text.isEmpty()) {
            into.addAll(Arrays.asList(text.split(",")));
        }
    }

    private static char flag(boolean value) {
        return value ? '1' : '0';
    }

    private static String text(Document fields, String field) {
        Object value = fields.get(field);
        return value == null ? null : value.toString();
    }

    private static Instant earliest(Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }
}
