package uk.london.victims.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uk.london.victims.application.store.IdempotentOutcome;
import uk.london.victims.application.store.MongoEventStorageEngine;
import uk.london.victims.application.store.RepeatedRequestException;
import uk.london.victims.application.store.StoreProperties;
import uk.london.victims.domain.cases.*;
import uk.london.victims.domain.cases.court.*;
import uk.london.victims.domain.cases.investigation.*;
import uk.london.victims.domain.cases.prosecution.*;
import uk.london.victims.domain.cases.restorative.*;
import uk.london.victims.domain.cases.victims.*;
import uk.london.victims.domain.geography.Borough;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.PersonalDataVault;

/**
 * Synthetic journeys, so that someone trying the service has something real-looking to explore: one per
 * priority category, together reaching every stage from "not investigated" to restorative justice and
 * appeal. Loaded through the same commands as everything else, only on the embedded store, only into an
 * empty one or one where loading them began. Every case id starts with DEMO, every person is "Demo …" and
 * every officer "DEMO-…", so nobody mistakes them for real cases. Off with {@code VJT_DEMO_DATA=false}.
 *
 * <p>Resumable: each command carries an idempotency key of its journey and step ({@code demo/<case>/<n>}),
 * stored atomically with its events, and people have ids derived from their journey. A start after a crash
 * skips the steps whose keys are stored and sends the rest, so each journey ends complete and nothing twice.
 */
@Component
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    /** Synthetic details only: example.invalid mailboxes, and numbers from Ofcom's range reserved for drama. */
    private static final String DETAILS = "{\"name\":\"%s\",\"dateOfBirth\":\"1990-01-01\",\"email\":\"%s@example.invalid\","
                                          + "\"phone\":\"07700 900%03d\"}";

    private final CommandGateway commands;
    private final MongoEventStorageEngine events;
    private final PersonalDataVault vault;
    private final StoreProperties store;
    private final boolean enabled;
    private final SampleData sample;

    /** @param mode {@code true} (the eight journeys), {@code false} (none) or {@code sample} (the eight, then a year of one BCU) */
    DemoData(CommandGateway commands, MongoEventStorageEngine events, PersonalDataVault vault, StoreProperties store,
             @Value("${vjt.demo-data:true}") String mode, SampleData sample) {
        this.commands = commands;
        this.events = events;
        this.vault = vault;
        this.store = store;
        this.enabled = !"false".equalsIgnoreCase(mode.strip());
        this.sample = "sample".equalsIgnoreCase(mode.strip()) ? sample : null;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!enabled || !store.embedded()) {
            return;
        }
        boolean begun = stored(stepKey(FIRST_JOURNEY, 0)).isPresent();
        if (!begun && events.lastReservedPosition() > 0) {
            log.info("Demo data: not loaded, the store already holds cases that are not the demo's");
            return;
        }
        log.info(begun ? "Demo data: making sure every journey is complete (a start before this one may have been cut short)"
                       : "Demo data: loading the synthetic journeys");
        List<String> ids = List.of(notInvestigatedBurglary(), domesticAbuseToSentence(), sexualViolenceReviewed(),
                hateCrimeRestorativeJustice(), knifeRobberyAppeal(), childExploitationDiscontinued(),
                modernSlaveryWithCps(), fraudComplaint());
        log.info("Demo data: {} synthetic journeys ready ({}). Police demo tokens see their BCU's cases; "
                 + "a COMMISSIONER token sees all.", ids.size(), String.join(", ", ids));
        if (sample != null) {
            sample.loadInTheBackground();
        }
    }

    private static final String FIRST_JOURNEY = "DEMO-0001-burglary";

    /** Each demo crime reference and its case, for the demo's "show my code" page; nothing else is answered there. */
    public static final java.util.Map<String, String> REFERENCES = java.util.Map.of(
            "CRIS-DEMO-0001", FIRST_JOURNEY,
            "CRIS-DEMO-0002", "DEMO-0002-domestic-abuse",
            "CRIS-DEMO-0003", "DEMO-0003-sexual-violence",
            "CRIS-DEMO-0004", "DEMO-0004-hate-crime",
            "CRIS-DEMO-0005", "DEMO-0005-knife-robbery",
            "CRIS-DEMO-0006", "DEMO-0006-child-exploitation",
            "CRIS-DEMO-0007", "DEMO-0007-modern-slavery",
            "CRIS-DEMO-0008", "DEMO-0008-online-fraud");

    static String stepKey(String caseId, int step) {
        return "demo/" + caseId + "/" + step;
    }

    /** What an earlier start recorded for this step (see {@link #storedOutcome}). */
    private Optional<IdempotentOutcome> stored(String key) {
        return storedOutcome(events, store, key);
    }

    /**
     * What an earlier start recorded for a step, for the demo and the sample alike. An append cut short by a
     * crash holds its key until readers void its position (the store's gap timeout): wait that out, as any
     * retry with the key would.
     */
    static Optional<IdempotentOutcome> storedOutcome(MongoEventStorageEngine events, StoreProperties store, String key) {
        long deadline = System.nanoTime() + store.gapTimeout().plusSeconds(30).toNanos();
        while (true) {
            try {
                return events.findIdempotentOutcome(key);
            } catch (ConcurrencyException inFlight) {
                if (System.nanoTime() > deadline) {
                    throw inFlight;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw inFlight;
                }
            }
        }
    }

    private String notInvestigatedBurglary() {
        Journey j = new Journey(FIRST_JOURNEY, 40, ReportChannel.ONLINE);
        j.record("CRIS-DEMO-0001", OffenceCategory.BURGLARY_RESIDENTIAL, Borough.HACKNEY, Set.of());
        PersonId victim = j.victim("Demo Victim Ashdown", VictimKind.DIRECT_VICTIM, false);
        long decision = j.at(2, t -> new DecideNotToInvestigateCommand(j.id, "No forensic or CCTV opportunities; no witnesses", t));
        j.at(3, t -> new RecordVictimInformedCommand(j.id, victim, decision, "Not investigated, and why", ContactChannel.EMAIL,
                "DEMO-PC-0001", t));
        return j.done();
    }

    private String domesticAbuseToSentence() {
        Journey j = new Journey("DEMO-0002-domestic-abuse", 200, ReportChannel.PHONE_999);
        j.record("CRIS-DEMO-0002", OffenceCategory.VIOLENCE_WITH_INJURY, Borough.LAMBETH, Set.of(PriorityFlag.DOMESTIC_ABUSE));
        PersonId victim = j.victim("Demo Victim Brightwater", VictimKind.DIRECT_VICTIM, false);
        SuspectId s = new SuspectId("S1");
        j.at(0, t -> new AssignOfficerCommand(j.id, "DEMO-DC-0002", "MPS-AS-Safeguarding", t));
        j.at(1, t -> new RecordNeedsAssessmentCommand(j.id, victim, Set.of(EnhancedRightsReason.MOST_SERIOUS_CRIME,
                EnhancedRightsReason.INTIMIDATED), false, null, t));
        j.at(1, t -> new SetContactPreferencesCommand(j.id, victim, Set.of(ContactChannel.SMS), Set.of(ContactChannel.PHONE),
                false, 14, t));
        j.at(1, t -> new RecordSupportReferralCommand(j.id, victim, true, "Independent Domestic Violence Advocate (IDVA)", t));
        j.at(1, t -> new IdentifySuspectCommand(j.id, s, t));
        j.at(1, t -> new ArrestSuspectCommand(j.id, s, t));
        long bail = j.at(2, t -> new ReleaseSuspectOnBailCommand(j.id, s, List.of("Not to contact the victim directly or indirectly",
                "Not to enter Lambeth"), t));
        j.at(2, t -> new RecordVictimInformedCommand(j.id, victim, bail, "Bail and its conditions", ContactChannel.SMS,
                "DEMO-DC-0002", t));
        j.at(10, t -> new SendFileToCpsCommand(j.id, s, t));
        j.at(14, t -> new RecordChargingDecisionCommand(j.id, s, ChargingDecision.CHARGE,
                List.of("Assault occasioning actual bodily harm"), null, t));
        j.at(14, t -> new RecordVictimPersonalStatementCommand(j.id, victim, VictimPersonalStatementStep.OFFERED, null, t));
        long listing = j.at(16, t -> new ListHearingCommand(j.id, new HearingId("H1"), s, "Camberwell Green Magistrates' Court",
                j.start.plus(Duration.ofDays(40)), HearingType.FIRST_APPEARANCE, t));
        long receipt = j.at(17, t -> new RecordWitnessCareReceiptCommand(j.id, listing, "Hearing date, time and place", t));
        j.at(17, t -> new RecordVictimInformedCommand(j.id, victim, receipt, "Hearing date, time and place", ContactChannel.SMS,
                "DEMO-WCO-0001", t));
        j.at(20, t -> new RecordVictimPersonalStatementCommand(j.id, victim, VictimPersonalStatementStep.MADE, true, t));
        j.at(40, t -> new RecordHearingOutcomeCommand(j.id, new HearingId("H1"), HearingOutcome.GUILTY_PLEA, List.of(), t));
        long sentence = j.at(70, t -> new RecordSentenceCommand(j.id, s, SentenceType.IMMEDIATE_CUSTODY, 18,
                List.of("Restraining order, 5 years"), t));
        long sentenceReceived = j.at(71, t -> new RecordWitnessCareReceiptCommand(j.id, sentence, "Sentence and ancillary orders", t));
        j.at(70, t -> new RecordVictimPersonalStatementCommand(j.id, victim, VictimPersonalStatementStep.READ_AT_SENTENCE, null, t));
        j.at(71, t -> new RecordVictimInformedCommand(j.id, victim, sentenceReceived, "The sentence, explained", ContactChannel.SMS,
                "DEMO-WCO-0001", t));
        j.at(80, t -> new RecordVictimContactSchemeCommand(j.id, victim, s, VictimContactSchemeStep.REFERRED, t));
        return j.done();
    }

    private String sexualViolenceReviewed() {
        Journey j = new Journey("DEMO-0003-sexual-violence", 150, ReportChannel.THIRD_PARTY);
        j.record("CRIS-DEMO-0003", OffenceCategory.SEXUAL_OFFENCE, Borough.CAMDEN, Set.of(PriorityFlag.SEXUAL_VIOLENCE));
        PersonId victim = j.victim("Demo Victim Coldharbour", VictimKind.DIRECT_VICTIM, false);
        SuspectId s = new SuspectId("S1");
        j.at(1, t -> new RecordSupportReferralCommand(j.id, victim, true, "Independent Sexual Violence Adviser (ISVA)", t));
        j.at(3, t -> new IdentifySuspectCommand(j.id, s, t));
        j.at(5, t -> new ArrestSuspectCommand(j.id, s, t));
        j.at(5, t -> new InterviewSuspectCommand(j.id, s, false, t));
        j.at(5, t -> new ReleaseSuspectUnderInvestigationCommand(j.id, s, t));
        j.at(60, t -> new SendFileToCpsCommand(j.id, s, t));
        long noCharge = j.at(90, t -> new RecordChargingDecisionCommand(j.id, s, ChargingDecision.NO_FURTHER_ACTION, List.of(),
                "Insufficient evidence for a realistic prospect of conviction", t));
        j.at(92, t -> new RecordVictimInformedCommand(j.id, victim, noCharge, "No charge, and the right to review",
                ContactChannel.LETTER, "DEMO-CPS-0001", t));
        j.at(100, t -> new RequestDecisionReviewCommand(j.id, victim, s, ReviewableDecision.CPS_NO_CHARGE, t));
        j.at(130, t -> new RecordReviewDecisionCommand(j.id, victim, s, ReviewOutcome.DECISION_UPHELD,
                "Review confirmed the evidential test is not met", t));
        return j.done();
    }

    private String hateCrimeRestorativeJustice() {
        Journey j = new Journey("DEMO-0004-hate-crime", 120, ReportChannel.FRONT_COUNTER);
        j.record("CRIS-DEMO-0004", OffenceCategory.PUBLIC_ORDER, Borough.BRENT, Set.of(PriorityFlag.HATE_CRIME),
                Set.of(HateStrand.RACE));
        PersonId victim = j.victim("Demo Victim Dunmore", VictimKind.DIRECT_VICTIM, false);
        SuspectId s = new SuspectId("S1");
        j.at(2, t -> new IdentifySuspectCommand(j.id, s, t));
        j.at(3, t -> new ArrestSuspectCommand(j.id, s, t));
        j.at(3, t -> new InterviewSuspectCommand(j.id, s, true, t));
        j.at(4, t -> new GiveOutOfCourtDisposalCommand(j.id, s, OutOfCourtDisposal.CONDITIONAL_CAUTION, true, t));
        for (RestorativeJusticeStep step : List.of(RestorativeJusticeStep.OFFERED, RestorativeJusticeStep.REQUESTED_BY_VICTIM,
                RestorativeJusticeStep.REFERRED_TO_PROVIDER, RestorativeJusticeStep.ASSESSED, RestorativeJusticeStep.VICTIM_CONSENTED,
                RestorativeJusticeStep.OFFENDER_CONSENTED, RestorativeJusticeStep.CONFERENCE_HELD)) {
            j.at(10 + 10 * step.ordinal(), t -> new RecordRestorativeJusticeStepCommand(j.id, s, step, "Restore:London", t));
        }
        j.at(90, t -> new RecordRestorativeJusticeStepCommand(j.id, s, RestorativeJusticeStep.CLOSED,
                "Agreement reached and completed", t));
        return j.done();
    }

    private String knifeRobberyAppeal() {
        Journey j = new Journey("DEMO-0005-knife-robbery", 300, ReportChannel.PHONE_999);
        j.record("CRIS-DEMO-0005", OffenceCategory.ROBBERY, Borough.NEWHAM, Set.of(PriorityFlag.WEAPON_BASED));
        j.victim("Demo Victim Everleigh", VictimKind.DIRECT_VICTIM, false);
        SuspectId s = new SuspectId("S1");
        j.at(1, t -> new IdentifySuspectCommand(j.id, s, t));
        j.at(1, t -> new ArrestSuspectCommand(j.id, s, t));
        j.at(2, t -> new ChargeSuspectCommand(j.id, s, List.of("Robbery", "Possession of a bladed article"), t));
        j.at(3, t -> new ListHearingCommand(j.id, new HearingId("H1"), s, "Stratford Magistrates' Court",
                j.start.plus(Duration.ofDays(4)), HearingType.FIRST_APPEARANCE, t));
        j.at(4, t -> new RecordHearingOutcomeCommand(j.id, new HearingId("H1"), HearingOutcome.SENT_TO_CROWN_COURT, List.of(), t));
        j.at(5, t -> new ListHearingCommand(j.id, new HearingId("H2"), s, "Snaresbrook Crown Court",
                j.start.plus(Duration.ofDays(200)), HearingType.TRIAL, t));
        j.at(200, t -> new RecordHearingOutcomeCommand(j.id, new HearingId("H2"), HearingOutcome.NOT_GUILTY_PLEA, List.of(), t));
        j.at(205, t -> new RecordVerdictCommand(j.id, s, Verdict.GUILTY, t));
        j.at(240, t -> new RecordSentenceCommand(j.id, s, SentenceType.IMMEDIATE_CUSTODY, 60, List.of(), t));
        j.at(250, t -> new LodgeAppealCommand(j.id, s, AppealAgainst.SENTENCE, t));
        return j.done();
    }

    private String childExploitationDiscontinued() {
        Journey j = new Journey("DEMO-0006-child-exploitation", 180, ReportChannel.THIRD_PARTY);
        j.record("CRIS-DEMO-0006", OffenceCategory.SEXUAL_OFFENCE, Borough.CROYDON, Set.of(PriorityFlag.CHILD_SEXUAL_EXPLOITATION));
        PersonId victim = j.victim("Demo Victim Fairhaven (parent)", VictimKind.PARENT_OR_GUARDIAN_OF_CHILD_VICTIM, true);
        SuspectId s = new SuspectId("S1");
        j.at(5, t -> new IdentifySuspectCommand(j.id, s, t));
        j.at(6, t -> new ArrestSuspectCommand(j.id, s, t));
        j.at(20, t -> new SendFileToCpsCommand(j.id, s, t));
        j.at(30, t -> new RecordChargingDecisionCommand(j.id, s, ChargingDecision.CHARGE, List.of("Sexual communication with a child"), null, t));
        j.at(100, t -> new DiscontinueProsecutionCommand(j.id, s, "Key evidence ruled inadmissible", t));
        j.at(105, t -> new RequestDecisionReviewCommand(j.id, victim, s, ReviewableDecision.CPS_DISCONTINUANCE, t));
        return j.done();
    }

    private String modernSlaveryWithCps() {
        Journey j = new Journey("DEMO-0007-modern-slavery", 60, ReportChannel.PHONE_101);
        j.record("CRIS-DEMO-0007", OffenceCategory.MODERN_SLAVERY, Borough.EALING, Set.of(PriorityFlag.MODERN_SLAVERY));
        PersonId victim = j.victim("Demo Victim Greystone", VictimKind.DIRECT_VICTIM, false);
        SuspectId s = new SuspectId("S1");
        j.at(1, t -> new RecordNeedsAssessmentCommand(j.id, victim, Set.of(EnhancedRightsReason.MOST_SERIOUS_CRIME,
                EnhancedRightsReason.VULNERABLE), true, "Romanian", t));
        j.at(10, t -> new IdentifySuspectCommand(j.id, s, t));
        j.at(12, t -> new ArrestSuspectCommand(j.id, s, t));
        j.at(40, t -> new SendFileToCpsCommand(j.id, s, t));
        return j.done();
    }

    private String fraudComplaint() {
        Journey j = new Journey("DEMO-0008-online-fraud", 20, ReportChannel.ONLINE);
        j.record("CRIS-DEMO-0008", OffenceCategory.FRAUD, Borough.WESTMINSTER, Set.of());
        PersonId victim = j.victim("Demo Victim Hollins", VictimKind.DIRECT_VICTIM, false);
        j.at(15, t -> new MakeComplaintCommand(j.id, victim, "C1", Agency.POLICE,
                vault.seal(victim, "Nobody has told me what is happening with my report."), t));
        j.at(16, t -> new RecordComplaintResponseCommand(j.id, victim, "C1", ComplaintStep.ACKNOWLEDGED, t));
        return j.done();
    }

    /** One demo case: commands stamped with days after the report, the report some days before today. */
    private final class Journey {
        final CaseId id;
        /** Midnight UTC some days ago: a start later the same day resumes with the same times. */
        final Instant start;
        private int step;
        private int alreadyThere;

        Journey(String id, int daysAgo, ReportChannel channel) {
            this.id = new CaseId(id);
            this.start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(daysAgo));
            send(() -> new ReportCrimeCommand(this.id, channel, start));
        }

        void record(String reference, OffenceCategory offence, Borough borough, Set<PriorityFlag> flags) {
            record(reference, offence, borough, flags, Set.of());
        }

        void record(String reference, OffenceCategory offence, Borough borough, Set<PriorityFlag> flags, Set<HateStrand> strands) {
            at(0, t -> new RecordCrimeCommand(id, reference, offence, borough, flags, strands, t.plus(Duration.ofHours(2))));
        }

        PersonId victim(String name, VictimKind kind, boolean under18) {
            // The same person on a resumed start: an id from the journey and the (made-up) name, never from a real person.
            PersonId person = new PersonId(UUID.nameUUIDFromBytes((id.value() + "/" + name).getBytes(StandardCharsets.UTF_8)).toString());
            String mailbox = name.toLowerCase().replaceAll("[^a-z]+", ".");
            at(0, t -> new AddVictimCommand(id, person, kind, vault.seal(person, String.format(DETAILS, name, mailbox,
                            Math.abs(name.hashCode()) % 1000)),
                    under18, t.plus(Duration.ofHours(3))));
            return person;
        }

        /** Sends the command as of {@code day} days after the report; returns the case's version after it. */
        long at(int day, Function<Instant, CaseCommand> command) {
            return send(() -> command.apply(start.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(5))));
        }

        /** Logged at debug level, for the test that kills loading half-way. */
        String done() {
            log.debug("Demo data: {} complete ({} steps, {} already stored)", id.value(), step, alreadyThere);
            return id.value();
        }

        /** The next step, unless an earlier start stored it; the command is only made (and sealed) when it is sent. */
        private long send(java.util.function.Supplier<CaseCommand> command) {
            String key = stepKey(id.value(), step++);
            Optional<IdempotentOutcome> earlier = stored(key);
            if (earlier.isPresent()) {
                alreadyThere++;
                return earlier.get().version();
            }
            if (alreadyThere > 0 && alreadyThere == step - 1) {
                log.info("Demo data: resuming {} after step {}", id.value(), alreadyThere);
            }
            try {
                Object version = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command.get())
                        .andMetaData(Map.of(MongoEventStorageEngine.IDEMPOTENCY_KEY, key)));
                return version instanceof Number n ? n.longValue() : 0;
            } catch (RepeatedRequestException storedMeanwhile) {
                return stored(key).orElseThrow(() -> storedMeanwhile).version();
            }
        }
    }
}
