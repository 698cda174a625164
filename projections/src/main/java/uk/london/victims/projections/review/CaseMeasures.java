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
 * the case's order. The query folds a case's facts for a past as-of date; the projection folds all of them
 * after each event and keeps the result in the case's day summary ({@link #toDocument}), which answers for any
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
     * The measures as a summary document: with them, when the case was reported and when its latest fact was
     * recorded ({@code known}), the instant from which the summary is the answer. Person ids and stage names are
     * field names here; both are letters, digits, hyphens and underscores only.
     */
    Document toDocument(Instant reported, Instant known) {
        Document ratingsDocument = new Document();
        ratings.forEach((stage, byVictim) -> ratingsDocument.append(stage, new Document(new HashMap<>(byVictim))));
        return new Document("reported", reported.toString()).append("known", known.toString())
                .append("offence", offence).append("convicted", convicted).append("ending", ending)
                .append("outcome", outcome == null ? null : outcome.toString()).append("crown", crown)
                .append("charged", charged == null ? null : charged.toString())
                .append("rjOffered", rjOffered).append("rjTakenUp", rjTakenUp)
                .append("victims", List.copyOf(victims)).append("statements", List.copyOf(statementVictims))
                .append("ratings", ratingsDocument);
    }

    static CaseMeasures fromDocument(Document summary) {
        CaseMeasures m = new CaseMeasures();
        m.offence = summary.getString("offence");
        m.convicted = summary.getBoolean("convicted");
        m.ending = summary.getString("ending");
        m.outcome = instant(summary, "outcome");
        m.crown = summary.getBoolean("crown");
        m.charged = instant(summary, "charged");
        m.rjOffered = summary.getBoolean("rjOffered");
        m.rjTakenUp = summary.getBoolean("rjTakenUp");
        m.victims.addAll(summary.getList("victims", String.class));
        m.statementVictims.addAll(summary.getList("statements", String.class));
        summary.get("ratings", Document.class).forEach((stage, byVictim) -> {
            Map<String, Integer> ratings = m.ratings.computeIfAbsent(stage, x -> new HashMap<>());
            ((Document) byVictim).forEach((victim, rating) -> ratings.put(victim, ((Number) rating).intValue()));
        });
        return m;
    }

    private static Instant instant(Document summary, String field) {
        String text = summary.getString(field);
        return text == null ? null : IsoInstants.parse(text);
    }

    private static String text(Document fields, String field) {
        Object value = fields.get(field);
        return value == null ? null : value.toString();
    }

    private static Instant earliest(Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }
}
