package uk.london.victims.web.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import uk.london.victims.application.code.CalendarSource;
import uk.london.victims.domain.cases.Agency;
import uk.london.victims.domain.code.CodeEdition;
import uk.london.victims.domain.code.CodeRule;
import uk.london.victims.domain.code.LimitUnit;
import uk.london.victims.domain.code.Obligation;
import uk.london.victims.domain.code.ObligationStatus;
import uk.london.victims.domain.code.TimeLimit;
import uk.london.victims.domain.code.VictimsCode;
import uk.london.victims.projections.casesummary.CaseSummaryView;
import uk.london.victims.projections.casesummary.FindCaseSummaryQuery;
import uk.london.victims.projections.obligations.CaseObligationsView;
import uk.london.victims.projections.obligations.FindCaseObligationsQuery;
import uk.london.victims.projections.timeline.CaseTimelineView;
import uk.london.victims.projections.timeline.FindCaseTimelineQuery;
import uk.london.victims.projections.timeline.TimelineEntryView;

/**
 * Everything the portal shows about one victim's case, built from the read models: their steps,
 * what agencies owe them next, their rights at this stage (from the Code rules in force and their
 * enhanced or standard status), and which actions make sense now.
 */
@Component
class CaseForVictim {

    /** The rules a victim is most likely to meet next, by where the case is. */
    private static final Map<String, List<String>> RULES_AHEAD = Map.ofEntries(
            Map.entry("REPORTED", List.of("R2-crime-recorded", "R3-written-acknowledgement", "R4-needs-assessment-and-referral")),
            Map.entry("RECORDED", List.of("R3-written-acknowledgement", "R4-needs-assessment-and-referral", "R6-police-decision")),
            Map.entry("UNDER_INVESTIGATION", List.of("R6-police-decision", "R7-personal-statement-offered")),
            Map.entry("WITH_CPS", List.of("R6-cps-charge", "R6-cps-no-charge-letter", "R7-personal-statement-offered-cps-charge")),
            Map.entry("CHARGED", List.of("R8-hearing-date", "R8-bail-outcome", "R7-personal-statement-offered-cps-charge")),
            Map.entry("AT_COURT", List.of("R8-hearing-date", "R8-give-evidence", "R8-bail-outcome", "R9-case-outcome")),
            Map.entry("CONVICTED", List.of("R9-case-outcome", "R11-victim-contact-scheme-referral")),
            Map.entry("SENTENCED", List.of("R11-victim-contact-scheme-referral", "R11-vlo-first-contact")));
    private static final List<String> ALWAYS = List.of("R6-update-requested", "R12-complaint-acknowledged");
    private static final Set<String> REVIEWABLE = Set.of("NoFurtherActionTaken", "ChargingDecisionMade", "ProsecutionDiscontinued",
            "NoEvidenceOffered");

    record Owed(String text, String by, boolean late) {
    }

    record Right(String right, String text) {
    }

    /**
     * @param askBy    the last day to ask: 3 months after the decision under both the police and the CPS schemes
     * @param promptBy for a CPS decision, the end of the 10 working days within which the CPS scheme asks for a request
     *                 to give a prompt review; null for a police decision
     */
    record Decision(String suspectId, String decision, String label, Instant madeAt, String askBy, String promptBy) {
    }

    /**
     * A review the victim asked for: its decision, when they asked, and where it stands.
     *
     * @param pending no result recorded yet
     */
    record Review(String decision, String suspectId, String label, String askedOn, boolean pending, String state) {
    }

    /** The contact choices last saved for this victim, to show them when the form is opened again. */
    record ContactChoices(Set<String> wanted, Set<String> unsafe, String every, boolean declined) {
        static final ContactChoices NONE = new ContactChoices(Set.of(), Set.of(), "", false);
    }

    /**
     * @param headline    where the case stands, in one sentence
     * @param next        the single next thing that will happen, and who does it
     * @param owed        what agencies owe the victim next (including recently missed obligations)
     * @param missed      obligations missed long ago, folded under "What should have happened"
     * @param reviewable  the decisions the victim may still ask to be reviewed (none already asked for)
     * @param reviews     the reviews they asked for, pending or decided
     * @param agencies    the agencies involved so far, the only ones offered for an update or a complaint
     */
    record View(CaseSummaryView summary, long version, String headline, String next, CaseStanding.Outcome outcome,
                List<VictimSteps.Step> steps, List<Owed> owed, List<Owed> missed, List<Right> rights,
                boolean enhanced, List<Decision> reviewable, List<Review> reviews, List<Agency> agencies,
                Optional<String> admittedOffender, boolean statementMade, CaseStanding.StatementGoes statementGoes,
                ContactChoices contact) {
    }

    /**
     * An obligation missed this long ago no longer says what happens next: it is folded away under "What should
     * have happened" (still marked late) so the first screen shows where the case stands now.
     */
    private static final Duration LONG_MISSED = Duration.ofDays(14);

    private final Properties victimTexts = new Properties();
    private final Properties stageTexts = new Properties();
    private final QueryGateway queries;
    private final VictimSteps texts;
    private final VictimsCode code;
    private final CalendarSource calendar;

    CaseForVictim(QueryGateway queries, VictimSteps texts, VictimsCode code, CalendarSource calendar) {
        this.queries = queries;
        this.texts = texts;
        this.code = code;
        this.calendar = calendar;
        try (InputStream in = CaseForVictim.class.getResourceAsStream("/portal/rights.properties");
             InputStream stages = CaseForVictim.class.getResourceAsStream("/portal/steps.properties")) {
            victimTexts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            stageTexts.load(new InputStreamReader(stages, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<View> load(PortalIdentity identity, Instant now) {
        Optional<CaseSummaryView> summary = queries.query(new FindCaseSummaryQuery(identity.caseId()),
                ResponseTypes.optionalInstanceOf(CaseSummaryView.class)).join();
        Optional<CaseTimelineView> timeline = timeline(identity.caseId());
        if (summary.isEmpty() || timeline.isEmpty()) {
            return Optional.empty();
        }
        List<VictimSteps.Step> steps = steps(timeline.get(), identity.victimId(), -1);
        List<Obligation> obligations = queries.query(new FindCaseObligationsQuery(identity.caseId(), now),
                ResponseTypes.instanceOf(CaseObligationsView.class)).join().obligations().stream()
                .filter(o -> identity.victimId().equals(o.victimId())).toList();
        boolean enhanced = obligations.stream().max(Comparator.comparing(Obligation::triggerSequence)).map(Obligation::enhanced).orElse(false);
        List<Owed> owed = new ArrayList<>();
        List<Owed> missed = new ArrayList<>();
        obligations.stream()
                .filter(o -> o.status() == ObligationStatus.OPEN || o.status() == ObligationStatus.OVERDUE)
                .filter(o -> o.deadline() != null && victimTexts.containsKey(o.ruleId()))
                .sorted(Comparator.comparing(Obligation::deadline))
                .forEach(o -> {
                    Owed one = new Owed(victimTexts.getProperty(o.ruleId()).replace("{when}", "by " + VictimSteps.day(o.deadline())),
                            VictimSteps.day(o.deadline()), o.status() == ObligationStatus.OVERDUE);
                    (one.late() && o.deadline().isBefore(now.minus(LONG_MISSED)) ? missed : owed).add(one);
                });
        CaseTimelineView history = timeline.get();
        CaseStanding.Outcome outcome = CaseStanding.outcome(history);
        List<Review> reviews = reviews(history, identity.victimId());
        List<Decision> offered = reviewable(history).stream().filter(d -> reviews.stream()
                .noneMatch(r -> r.decision().equals(d.decision()) && r.suspectId().equals(d.suspectId()))).toList();
        String status = CaseStanding.visibleStatus(history, summary.get().status());
        return Optional.of(new View(summary.get(), history.version(), headline(status, outcome, reviewable(history)),
                next(now, reviews, offered, history, owed), outcome, steps, owed, missed,
                rights(status, enhanced, now, history, identity.victimId(), obligations), enhanced,
                offered, reviews, List.copyOf(CaseStanding.agenciesInvolved(history)),
                admittedOffender(history), statementMade(history, identity.victimId()), CaseStanding.statementGoes(history),
                contactChoices(history, identity.victimId())));
    }

    /** Where the case stands, in one sentence: the stage, with the sentence or the decision where there is one. */
    private String headline(String status, CaseStanding.Outcome outcome, List<Decision> decisions) {
        if ("SENTENCED".equals(status) && outcome.sentence() != null) {
            return stageTexts.getProperty("status.SENTENCED").replace("{sentence}", outcome.sentence());
        }
        if (Set.of("NO_FURTHER_ACTION", "PROSECUTION_STOPPED").contains(status) && !decisions.isEmpty()) {
            return decisions.get(decisions.size() - 1).label() + ".";
        }
        return stageTexts.getProperty("status." + status, stageTexts.getProperty("status.default"));
    }

    /**
     * The single next thing, and who does it: a review under way, else a decision the victim can still ask to be
     * reviewed, else a hearing to come, else the soonest thing an agency owes them.
     */
    private String next(Instant now, List<Review> reviews, List<Decision> offered, CaseTimelineView timeline, List<Owed> owed) {
        Optional<Review> pending = reviews.stream().filter(Review::pending).reduce((first, second) -> second);
        if (pending.isPresent()) {
            return pending.get().state();
        }
        Optional<Decision> open = offered.stream().filter(d -> !askByPassed(d, now)).reduce((first, second) -> second);
        if (open.isPresent()) {
            return "You can ask for this decision to be reviewed until " + open.get().askBy() + ".";
        }
        Optional<String> hearing = nextHearing(timeline, now);
        if (hearing.isPresent()) {
            return hearing.get();
        }
        return owed.stream().findFirst().map(Owed::text)
                .orElse("Nobody owes you an update right now. We will tell you here when something happens.");
    }

    private static boolean askByPassed(Decision decision, Instant now) {
        return decision.madeAt().atZone(uk.london.victims.domain.code.WorkingDayCalendar.LONDON).plusMonths(3).toInstant().isBefore(now);
    }

    /** The next hearing still to happen, if one is listed. */
    private static Optional<String> nextHearing(CaseTimelineView timeline, Instant now) {
        Map<Object, TimelineEntryView> listed = new HashMap<>();
        for (TimelineEntryView entry : timeline.entries()) {
            if (entry.notForVictim()) {
                continue;
            }
            if ("HearingListed".equals(entry.type())) {
                listed.put(entry.details().get("hearingId"), entry);
            } else if ("HearingOutcomeRecorded".equals(entry.type())) {
                listed.remove(entry.details().get("hearingId"));
            }
        }
        return listed.values().stream()
                .filter(e -> e.details().get("scheduledFor") != null && Instant.parse(e.details().get("scheduledFor").toString()).isAfter(now))
                .min(Comparator.comparing(e -> Instant.parse(e.details().get("scheduledFor").toString())))
                .map(e -> "There is a court hearing at " + e.details().get("court") + " on "
                          + VictimSteps.when(Instant.parse(e.details().get("scheduledFor").toString()))
                          + ". The Witness Care Unit will tell you what to expect.");
    }

    /** The reviews this victim asked for, each pending until a result for the same suspect is recorded after it. */
    static List<Review> reviews(CaseTimelineView timeline, String victimId) {
        List<Review> reviews = new ArrayList<>();
        for (TimelineEntryView entry : timeline.entries()) {
            if (entry.notForVictim() || !victimId.equals(String.valueOf(entry.details().get("victimId")))) {
                continue;
            }
            String suspect = String.valueOf(entry.details().get("suspectId"));
            if ("DecisionReviewRequested".equals(entry.type())) {
                String decision = String.valueOf(entry.details().get("decision"));
                String by = decision.startsWith("POLICE") ? "The police" : "The Crown Prosecution Service";
                String asked = entry.occurredAt() == null ? "" : " on " + VictimSteps.day(entry.occurredAt());
                reviews.add(new Review(decision, suspect, label(decision), asked, true,
                        "You asked" + asked + " for the decision to be reviewed. Someone who was not involved in it is looking at it again. "
                        + by + " will tell you the result and the reasons."));
            } else if ("ReviewDecided".equals(entry.type())) {
                for (int i = 0; i < reviews.size(); i++) {
                    Review review = reviews.get(i);
                    if (review.pending() && review.suspectId().equals(suspect)) {
                        String result = "DECISION_OVERTURNED".equals(String.valueOf(entry.details().get("outcome")))
                                ? "the decision was changed" : "the decision was kept";
                        reviews.set(i, new Review(review.decision(), suspect, review.label(), review.askedOn(), false,
                                "The review is finished: " + result + (entry.occurredAt() == null ? "" : " on "
                                + VictimSteps.day(entry.occurredAt())) + ". You should have a letter with the reasons."));
                    }
                }
            }
        }
        return reviews;
    }

    /** The victim's contact choices as last saved (the portal itself is always a channel, so it is not a choice). */
    static ContactChoices contactChoices(CaseTimelineView timeline, String victimId) {
        ContactChoices choices = ContactChoices.NONE;
        for (TimelineEntryView entry : timeline.entries()) {
            Map<String, Object> details = entry.details();
            if ("ContactPreferencesSet".equals(entry.type()) && victimId.equals(String.valueOf(details.get("victimId")))) {
                choices = new ContactChoices(names(details.get("channels")), names(details.get("unsafeChannels")),
                        details.get("updateIntervalDays") == null ? "" : details.get("updateIntervalDays").toString(),
                        Boolean.TRUE.equals(details.get("declinedUpdates")));
            }
        }
        return choices;
    }

    private static Set<String> names(Object value) {
        return value instanceof java.util.Collection<?> list
                ? list.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet()) : Set.of();
    }

    Optional<CaseTimelineView> timeline(String caseId) {
        return queries.query(new FindCaseTimelineQuery(caseId, false), ResponseTypes.optionalInstanceOf(CaseTimelineView.class)).join();
    }

    /** The victim's steps after {@code afterSequence}, newest first. */
    List<VictimSteps.Step> steps(CaseTimelineView timeline, String victimId, long afterSequence) {
        List<VictimSteps.Step> steps = new ArrayList<>();
        CaseStanding.StatementGoes statementGoes = CaseStanding.statementGoes(timeline);
        for (TimelineEntryView entry : timeline.entries()) {
            if (entry.sequence() > afterSequence) {
                texts.describe(entry, victimId, statementGoes).ifPresent(steps::add);
            }
        }
        steps.sort(Comparator.comparing(VictimSteps.Step::occurredAt, Comparator.nullsLast(Comparator.reverseOrder()))
                             .thenComparing(VictimSteps.Step::sequence, Comparator.reverseOrder()));
        return steps;
    }

    List<Right> rights(String status, boolean enhanced, Instant now, CaseTimelineView timeline, String victimId,
                               List<Obligation> owedToVictim) {
        Optional<CodeEdition> edition = code.editionInForce(now);
        if (edition.isEmpty()) {
            return List.of();
        }
        Crime crime = Crime.of(timeline, victimId);
        List<Right> rights = new ArrayList<>();
        List<String> ahead = new ArrayList<>(RULES_AHEAD.getOrDefault(status, List.of()));
        // Whatever the stage, the victim may ask for an update or complain.
        ahead.addAll(ALWAYS);
        for (String id : ahead) {
            edition.get().rules().stream().filter(rule -> rule.id().equals(id) && victimTexts.containsKey(id)).findFirst()
                   .filter(rule -> canApply(rule, crime, timeline, owedToVictim))
                   .ifPresent(rule -> rights.add(new Right(rule.right(), text(rule, crime, enhanced, timeline, owedToVictim))));
        }
        return rights;
    }

    /**
     * A right worded "if ..." whose condition has since been met reads as what it now is: once a sentence opened
     * the Victim Contact Scheme referral for this victim, they are eligible (".eligible"), and once it was met they
     * were referred (".met"), instead of "if the offender gets 12 months ...".
     */
    private String text(CodeRule rule, Crime crime, boolean enhanced, CaseTimelineView timeline, List<Obligation> owedToVictim) {
        boolean triggered = timeline.entries().stream().anyMatch(e -> rule.triggers().contains(e.type()));
        Optional<Obligation> opened = owedToVictim.stream().filter(o -> o.ruleId().equals(rule.id()))
                .max(Comparator.comparing(Obligation::triggerSequence));
        if (triggered && opened.isPresent()) {
            boolean met = opened.get().status() == ObligationStatus.MET_ON_TIME || opened.get().status() == ObligationStatus.MET_LATE;
            if (met && victimTexts.containsKey(rule.id() + ".met")) {
                return victimTexts.getProperty(rule.id() + ".met");
            }
            if (victimTexts.containsKey(rule.id() + ".eligible")) {
                return withLimit(victimTexts.getProperty(rule.id() + ".eligible"), rule, enhanced);
            }
        }
        return text(rule, crime, enhanced);
    }

    private String text(CodeRule rule, Crime crime, boolean enhanced) {
        String id = rule.id();
        // After a sexual offence, domestic abuse or a bereavement the Code asks for consent first: say so.
        if (victimTexts.containsKey(id + ".consent") && !rule.consentFor().isEmpty()
            && rule.consentFor().matches(crime.offence(), crime.flags(), crime.victimKind())) {
            return victimTexts.getProperty(id + ".consent");
        }
        return withLimit(victimTexts.getProperty(id), rule, enhanced);
    }

    private String withLimit(String text, CodeRule rule, boolean enhanced) {
        return text.replace("{when}", "within " + limit(enhanced ? rule.enhanced() : rule.standard())
                + Optional.ofNullable(victimTexts.getProperty(rule.id() + ".after")).map(after -> " " + after).orElse(""));
    }

    /**
     * A right that only some cases have (the Victim Contact Scheme: violent or sexual offences, and only after a
     * long enough sentence) is shown only where it can still apply: the crime is one it covers, and if what
     * triggers it has happened, it did open an obligation for this victim.
     */
    private static boolean canApply(CodeRule rule, Crime crime, CaseTimelineView timeline, List<Obligation> owedToVictim) {
        if (!rule.onlyFor().isEmpty() && !rule.onlyFor().matches(crime.offence(), crime.flags(), crime.victimKind())) {
            return false;
        }
        boolean conditional = !rule.onlyFor().isEmpty() || !rule.whenAny().isEmpty();
        boolean triggered = timeline.entries().stream().anyMatch(e -> rule.triggers().contains(e.type()));
        return !conditional || !triggered || owedToVictim.stream().anyMatch(o -> o.ruleId().equals(rule.id()));
    }

    /** The crime as last classified, and how this victim is a victim. */
    private record Crime(String offence, List<String> flags, String victimKind) {
        static Crime of(CaseTimelineView timeline, String victimId) {
            String offence = null;
            List<String> flags = List.of();
            String kind = null;
            for (TimelineEntryView entry : timeline.entries()) {
                if ("CrimeRecorded".equals(entry.type()) || "CrimeReclassified".equals(entry.type())) {
                    offence = String.valueOf(entry.details().get("offence"));
                    flags = entry.details().get("priorityFlags") instanceof List<?> list
                            ? list.stream().map(String::valueOf).toList() : List.of();
                } else if ("VictimAdded".equals(entry.type()) && victimId.equals(String.valueOf(entry.details().get("victimId")))) {
                    kind = String.valueOf(entry.details().get("kind"));
                }
            }
            return new Crime(offence, flags, kind);
        }
    }


    private static String limit(TimeLimit limit) {
        String unit = limit.unit() == LimitUnit.HOURS ? "hour" : "working day";
        return limit.amount() + " " + unit + (limit.amount() == 1 ? "" : "s");
    }


    /**
     * Decisions the victim may ask to be reviewed, each with the date to ask by: 3 months (the police scheme as a
     * PCC publishes it; the CPS scheme considers requests up to 3 months after the decision was communicated).
     */
    List<Decision> reviewable(CaseTimelineView timeline) {
        List<Decision> decisions = new ArrayList<>();
        for (TimelineEntryView entry : timeline.entries()) {
            if (!REVIEWABLE.contains(entry.type()) || entry.notForVictim()) {
                continue;
            }
            Object suspect = entry.details().get("suspectId");
            String decision = switch (entry.type()) {
                case "NoFurtherActionTaken" -> "POLICE_NO_FURTHER_ACTION";
                case "ChargingDecisionMade" -> "NO_FURTHER_ACTION".equals(String.valueOf(entry.details().get("decision"))) ? "CPS_NO_CHARGE" : null;
                case "ProsecutionDiscontinued" -> "CPS_DISCONTINUANCE";
                default -> "CPS_NO_EVIDENCE_OFFERED";
            };
            if (decision == null || suspect == null || entry.occurredAt() == null) {
                continue;
            }
            String label = label(decision);
            // Both schemes consider a request up to 3 months after the decision; the CPS scheme asks for one within 10
            // working days of being told for a prompt review (counted here from the decision, which is no later).
            Instant askBy = entry.occurredAt().atZone(uk.london.victims.domain.code.WorkingDayCalendar.LONDON).plusMonths(3).toInstant();
            String promptBy = decision.startsWith("CPS")
                    ? VictimSteps.day(calendar.current().endOfNthWorkingDayAfter(entry.occurredAt(), 10)) : null;
            decisions.add(new Decision(suspect.toString(), decision, label, entry.occurredAt(), VictimSteps.day(askBy), promptBy));
        }
        return decisions;
    }

    private static String label(String decision) {
        return decision.startsWith("POLICE") ? "The police decided to take no further action"
                : switch (decision) {
                    case "CPS_NO_CHARGE" -> "The Crown Prosecution Service decided not to charge";
                    case "CPS_DISCONTINUANCE" -> "The Crown Prosecution Service stopped the case";
                    default -> "The Crown Prosecution Service offered no evidence at court";
                };
    }

    /**
     * An offender who has admitted the offence (in interview, by accepting a caution, or by pleading guilty) or
     * been convicted: only then is restorative justice offered, as the case itself requires.
     */
    static Optional<String> admittedOffender(CaseTimelineView timeline) {
        // A plea is recorded against a hearing; the hearing's listing names the defendant.
        Map<Object, Object> defendantOfHearing = new HashMap<>();
        for (TimelineEntryView entry : timeline.entries()) {
            Map<String, Object> details = entry.details();
            Object suspect = details.get("suspectId");
            if ("HearingListed".equals(entry.type())) {
                defendantOfHearing.put(details.get("hearingId"), suspect);
            }
            boolean admitted = switch (entry.type()) {
                case "SuspectInterviewed", "OutOfCourtDisposalGiven" -> Boolean.TRUE.equals(details.get("admittedOffence"));
                case "VerdictRecorded" -> "GUILTY".equals(String.valueOf(details.get("verdict")));
                case "HearingOutcomeRecorded" -> "GUILTY_PLEA".equals(String.valueOf(details.get("outcome")));
                default -> false;
            };
            if ("HearingOutcomeRecorded".equals(entry.type())) {
                suspect = defendantOfHearing.get(details.get("hearingId"));
            }
            if (admitted && suspect != null) {
                return Optional.of(suspect.toString());
            }
        }
        return Optional.empty();
    }

    private static boolean statementMade(CaseTimelineView timeline, String victimId) {
        return timeline.entries().stream().anyMatch(e -> "VictimPersonalStatementRecorded".equals(e.type())
                && victimId.equals(String.valueOf(e.details().get("victimId")))
                && ("MADE".equals(String.valueOf(e.details().get("step"))) || "UPDATED".equals(String.valueOf(e.details().get("step")))));
    }

    String confirmation(String action, View view) {
        return texts.confirmation(action, view.statementGoes());
    }

    Instant acknowledgeBy(Instant now) {
        return calendar.current().endOfNthWorkingDayAfter(now, 10);
    }
}
