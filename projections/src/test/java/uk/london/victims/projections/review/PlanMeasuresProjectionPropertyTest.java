package uk.london.victims.projections.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import uk.london.victims.domain.cases.CaseFiledEvent;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.CaseReopenedEvent;
import uk.london.victims.domain.cases.ChargingDecision;
import uk.london.victims.domain.cases.ChargingDecisionMadeEvent;
import uk.london.victims.domain.cases.ContactChannel;
import uk.london.victims.domain.cases.CrimeNotInvestigatedEvent;
import uk.london.victims.domain.cases.CrimeReclassifiedEvent;
import uk.london.victims.domain.cases.CrimeRecordedEvent;
import uk.london.victims.domain.cases.CrimeReportedEvent;
import uk.london.victims.domain.cases.HearingId;
import uk.london.victims.domain.cases.HearingListedEvent;
import uk.london.victims.domain.cases.HearingOutcome;
import uk.london.victims.domain.cases.HearingOutcomeRecordedEvent;
import uk.london.victims.domain.cases.HearingType;
import uk.london.victims.domain.cases.NoEvidenceOfferedEvent;
import uk.london.victims.domain.cases.NoFurtherActionTakenEvent;
import uk.london.victims.domain.cases.OffenceCategory;
import uk.london.victims.domain.cases.ProsecutionDiscontinuedEvent;
import uk.london.victims.domain.cases.ReportChannel;
import uk.london.victims.domain.cases.RestorativeJusticeStep;
import uk.london.victims.domain.cases.RestorativeJusticeStepRecordedEvent;
import uk.london.victims.domain.cases.ServiceStage;
import uk.london.victims.domain.cases.SuspectChargedEvent;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.TreatmentRatedEvent;
import uk.london.victims.domain.cases.Verdict;
import uk.london.victims.domain.cases.VerdictRecordedEvent;
import uk.london.victims.domain.cases.VictimAddedEvent;
import uk.london.victims.domain.cases.VictimInformedEvent;
import uk.london.victims.domain.cases.VictimKind;
import uk.london.victims.domain.cases.VictimPersonalStatementRecordedEvent;
import uk.london.victims.domain.cases.VictimPersonalStatementStep;
import uk.london.victims.domain.code.WorkingDayCalendar;
import uk.london.victims.domain.geography.Borough;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.projections.timeline.CaseTimelineProjection;
import uk.london.victims.projections.timeline.TimelineFeed;

/**
 * Random histories of cases, delivered to the projection in random batches, in any interleaving of cases,
 * some batches twice (delivery is at least once), and random questions (periods with edges on a report's
 * instant, London midnights and clock changes; as-of instants on and beside recording times): the
 * projection's answer is always the full computation's ({@link PlanMeasuresOracle}), from its day summaries
 * where they hold every fact asked about and from the cases' facts where they do not, and so is its answer with
 * no summaries at all (a store written before they were kept) and after a replay in another interleaving. Both run on the embedded store, through the MongoDB driver.
 */
class PlanMeasuresProjectionPropertyTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    /** Two years of reports: repeats both within and beyond 12 months, and four clock changes. */
    private static final long SPAN_MINUTES = Duration.ofDays(730).toMinutes();
    private static final List<Instant> CLOCK_CHANGES = List.of(Instant.parse("2024-03-31T01:00:00Z"),
            Instant.parse("2024-10-27T01:00:00Z"), Instant.parse("2025-03-30T01:00:00Z"), Instant.parse("2025-10-26T01:00:00Z"));
    private static final List<String> COURTS = List.of("Highbury Corner Magistrates' Court", "Snaresbrook Crown Court",
            "Inner London Crown Court");
    private static final List<OffenceCategory> OFFENCES = List.of(OffenceCategory.ROBBERY, OffenceCategory.THEFT,
            OffenceCategory.BURGLARY_RESIDENTIAL);

    private static MongoServer server;
    private static MongoClient client;
    private static MongoDatabase database;

    @BeforeContainer
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("plan-measures-test");
    }

    @AfterContainer
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @Property(tries = 150)
    void theProjectionAnswersAsTheFullComputationDoes(@ForAll("histories") History history, @ForAll("seeds") long seed) {
        Store store = Store.of(history);
        PlanMeasuresOracle oracle = store.oracle();
        PlanMeasuresProjection projection = store.projection();
        PlanMeasuresQueries queries = store.queries();
        Random random = new Random(seed);

        deliver(projection, history, random);
        List<FindPlanMeasuresQuery> questions = questions(history, random);
        List<PlanMeasuresView> answers = new ArrayList<>();
        for (FindPlanMeasuresQuery question : questions) {
            PlanMeasuresView expected = oracle.handle(question);
            assertThat(queries.handle(question)).as("%s", question).isEqualTo(expected);
            answers.add(expected);
            Statistics.label("repeat victims").collect(expected.repeatVictims() > 0);
            Statistics.label("cases in the period").collect(expected.cases() == 0 ? "none" : expected.cases() < 5 ? "1-4" : "5+");
        }

        // A store written before day summaries were kept: every case is read from its facts, every victim from
        // their reports, and the answers are the same.
        database.getCollection(PlanMeasuresProjection.SUMMARIES).drop();
        for (int i = 0; i < questions.size(); i++) {
            assertThat(queries.handle(questions.get(i))).as("without summaries: %s", questions.get(i)).isEqualTo(answers.get(i));
        }

        // A replay, in another interleaving and other batches, rebuilds the same answers.
        projection.reset();
        deliver(projection, history, random);
        for (int i = 0; i < questions.size(); i++) {
            assertThat(queries.handle(questions.get(i))).as("after replay: %s", questions.get(i)).isEqualTo(answers.get(i));
        }
    }

    /**
     * A store the build before day summaries wrote part of: its case documents carry no summary flag and there are
     * no summaries; the rest of the history then arrives at this build. Its answers are the full computation's, so
     * a case given its first summary by a later event carries its victims' repeat instants too.
     */
    @Property(tries = 80)
    void aStoreWrittenBeforeSummariesAnswersAsTheFullComputationDoes(@ForAll("histories") History history,
                                                                     @ForAll("seeds") long seed) {
        Store store = Store.of(history);
        PlanMeasuresOracle oracle = store.oracle();
        PlanMeasuresProjection projection = store.projection();
        PlanMeasuresQueries queries = store.queries();
        Random random = new Random(seed);

        List<DomainEventMessage<?>> stream = interleaved(history, random);
        int upgrade = random.nextInt(stream.size() + 1);
        deliver(projection, stream.subList(0, upgrade), random);
        database.getCollection(PlanMeasuresProjection.SUMMARIES).drop();
        database.getCollection(PlanMeasuresProjection.CASES).updateMany(new Document(),
                Updates.unset(PlanMeasuresProjection.SUMMARISED));
        deliver(projection, stream.subList(upgrade, stream.size()), random);

        for (FindPlanMeasuresQuery question : questions(history, random)) {
            assertThat(queries.handle(question)).as("%s", question).isEqualTo(oracle.handle(question));
        }
    }

    /** An empty store with the history's timelines for the oracle, and a projection and its queries. */
    private record Store(PlanMeasuresOracle oracle, PlanMeasuresProjection projection, PlanMeasuresQueries queries) {
        static Store of(History history) {
            database.drop();
            CaseTimelineProjection timelines = new CaseTimelineProjection(database, null);
            history.cases.stream().flatMap(List::stream).forEach(m -> TimelineFeed.handle(timelines, m));
            return new Store(new PlanMeasuresOracle(database, history.threshold), new PlanMeasuresProjection(database),
                    new PlanMeasuresQueries(database, history.threshold));
        }
    }

    @Provide
    Arbitrary<History> histories() {
        return Arbitraries.randomValue(PlanMeasuresProjectionPropertyTest::history);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    /** Every case's events in its order, cases interleaved at random, in batches of 1 to 30; some batches twice. */
    private static void deliver(PlanMeasuresProjection projection, History history, Random random) {
        deliver(projection, interleaved(history, random), random);
    }

    private static List<DomainEventMessage<?>> interleaved(History history, Random random) {
        List<List<DomainEventMessage<?>>> remaining = new ArrayList<>();
        history.cases.forEach(c -> remaining.add(new ArrayList<>(c)));
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        while (!remaining.isEmpty()) {
            int pick = random.nextInt(remaining.size());
            stream.add(remaining.get(pick).remove(0));
            if (remaining.get(pick).isEmpty()) {
                remaining.remove(pick);
            }
        }
        return stream;
    }

    private static void deliver(PlanMeasuresProjection projection, List<DomainEventMessage<?>> stream, Random random) {
        int next = 0;
        while (next < stream.size()) {
            List<DomainEventMessage<?>> batch = stream.subList(next, Math.min(stream.size(), next + 1 + random.nextInt(30)));
            handleBatch(projection, batch);
            if (random.nextInt(5) == 0) {
                handleBatch(projection, batch);
            }
            next += batch.size();
        }
    }

    private static void handleBatch(PlanMeasuresProjection projection, List<DomainEventMessage<?>> batch) {
        ResultMessage<?> result = new BatchingUnitOfWork<>(batch).executeWithResult(() -> {
            DomainEventMessage<?> message = (DomainEventMessage<?>) CurrentUnitOfWork.get().getMessage();
            projection.on(message.getPayload(), message);
            return null;
        });
        if (result.isExceptional()) {
            throw new AssertionError("the projection failed a batch", result.exceptionResult());
        }
    }

    private static List<FindPlanMeasuresQuery> questions(History history, Random random) {
        List<Instant> reports = new ArrayList<>();
        List<Instant> recordings = new ArrayList<>();
        // When a case became known as one of its victim's: a repeat victim becomes one at such an instant.
        List<Instant> victimsKnown = new ArrayList<>();
        for (List<DomainEventMessage<?>> events : history.cases) {
            reports.add(((CrimeReportedEvent) events.get(0).getPayload()).occurredAt());
            events.forEach(e -> recordings.add(e.getTimestamp()));
            Instant reportKnown = events.get(0).getTimestamp();
            events.stream().filter(e -> e.getPayload() instanceof VictimAddedEvent)
                    .forEach(e -> victimsKnown.add(e.getTimestamp().isAfter(reportKnown) ? e.getTimestamp() : reportKnown));
        }
        List<FindPlanMeasuresQuery> questions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant from = edge(random, reports);
            Instant to = random.nextInt(8) == 0 ? from.minusSeconds(random.nextInt(86_400)) : edge(random, reports);
            if (to.isBefore(from) && random.nextBoolean()) {
                Instant swap = from;
                from = to;
                to = swap;
            }
            Instant asOf = switch (random.nextInt(victimsKnown.isEmpty() ? 4 : 5)) {
                case 0 -> Instant.parse("2030-01-01T00:00:00Z");
                case 1 -> recordings.get(random.nextInt(recordings.size())).minusMillis(1);
                case 4 -> victimsKnown.get(random.nextInt(victimsKnown.size()));
                default -> recordings.get(random.nextInt(recordings.size()));
            };
            questions.add(new FindPlanMeasuresQuery(from, to, asOf));
        }
        return questions;
    }

    /** A period's edge: on a report's instant or beside it, a London midnight, a clock change, or anywhere. */
    private static Instant edge(Random random, List<Instant> reports) {
        Instant report = reports.get(random.nextInt(reports.size()));
        return switch (random.nextInt(6)) {
            case 0 -> report;
            case 1 -> report.plusNanos(1);
            case 2 -> report.atZone(WorkingDayCalendar.LONDON).toLocalDate().plusDays(random.nextInt(3) - 1)
                            .atStartOfDay(WorkingDayCalendar.LONDON).toInstant();
            case 3 -> CLOCK_CHANGES.get(random.nextInt(CLOCK_CHANGES.size())).plusSeconds(3600L * (random.nextInt(5) - 2));
            case 4 -> LocalDate.of(2023 + random.nextInt(4), 1 + random.nextInt(12), 1).atStartOfDay(WorkingDayCalendar.LONDON).toInstant();
            default -> START.plusSeconds(random.nextLong(SPAN_MINUTES * 60));
        };
    }

    /** Cases and the suppression threshold their satisfaction figures are withheld under. */
    record History(List<List<DomainEventMessage<?>>> cases, int threshold) {
        @Override
        public String toString() {
            return cases.size() + " cases, " + cases.stream().mapToInt(List::size).sum() + " events, threshold " + threshold;
        }
    }

    private static History history(Random random) {
        int caseCount = 1 + random.nextInt(20);
        List<PersonId> victims = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
            victims.add(new PersonId("victim-" + i + "-of-" + n));
        }
        List<List<DomainEventMessage<?>>> cases = new ArrayList<>();
        for (int c = 0; c < caseCount; c++) {
            cases.add(journey(new CaseId("case-" + String.format("%04d", c)), victims, random));
        }
        return new History(cases, 1 + random.nextInt(5));
    }

    /** A case's events: reported first, then any of the events the measures read and one they do not. */
    private static List<DomainEventMessage<?>> journey(CaseId id, List<PersonId> victims, Random random) {
        Instant reported = switch (random.nextInt(4)) {
            case 0 -> CLOCK_CHANGES.get(random.nextInt(CLOCK_CHANGES.size())).plusSeconds(60L * (random.nextInt(181) - 90));
            default -> START.plusSeconds(60 * random.nextLong(SPAN_MINUTES));
        };
        Instant occurred = reported;
        // Recording times drift, late recordings included: one may be recorded before an earlier one.
        Instant recorded = reported.plusSeconds(random.nextInt(3) == 0 ? random.nextInt(86_400 * 60) : random.nextInt(600));
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(message(id, 0, new CrimeReportedEvent(id, ReportChannel.ONLINE, reported), recorded));
        SuspectId suspect = new SuspectId("S1");
        HearingId hearing = new HearingId("H1");
        for (int seq = 1, n = random.nextInt(16); seq <= n; seq++) {
            occurred = occurred.plusSeconds(random.nextInt(86_400 * 20));
            recorded = recorded.plusSeconds(random.nextInt(86_400 * 10) - 86_400);
            PersonId victim = victims.get(random.nextInt(victims.size()));
            Record event = switch (random.nextInt(19)) {
                case 0, 1 -> new VictimAddedEvent(id, victim, VictimKind.DIRECT_VICTIM, null, false, occurred);
                case 2 -> new CrimeRecordedEvent(id, "CRIS-" + seq, pick(random, OFFENCES), Borough.values()[random.nextInt(3)],
                        Set.of(), Set.of(), occurred);
                case 3 -> new CrimeReclassifiedEvent(id, pick(random, OFFENCES), Set.of(), Set.of(), "new evidence", occurred);
                case 4 -> new HearingListedEvent(id, hearing, suspect, pick(random, COURTS), occurred.plusSeconds(86_400),
                        HearingType.FIRST_APPEARANCE, occurred);
                case 5 -> new HearingOutcomeRecordedEvent(id, hearing, pick(random, List.of(HearingOutcome.values())), List.of(), occurred);
                case 6 -> new VerdictRecordedEvent(id, suspect, pick(random, List.of(Verdict.values())), occurred);
                case 7 -> new SuspectChargedEvent(id, suspect, List.of("Robbery"), occurred);
                case 8 -> new ChargingDecisionMadeEvent(id, suspect, pick(random, List.of(ChargingDecision.values())), List.of(), null, occurred);
                case 9 -> new RestorativeJusticeStepRecordedEvent(id, suspect, pick(random, List.of(RestorativeJusticeStep.values())),
                        null, occurred);
                case 10 -> new VictimPersonalStatementRecordedEvent(id, victim, pick(random, List.of(VictimPersonalStatementStep.values())),
                        null, occurred);
                case 11, 12 -> new TreatmentRatedEvent(id, victim, pick(random, List.of(ServiceStage.values())), 1 + random.nextInt(5),
                        occurred);
                case 13 -> new CrimeNotInvestigatedEvent(id, "no lines of enquiry", occurred);
                case 14 -> new NoFurtherActionTakenEvent(id, suspect, "insufficient evidence", occurred);
                case 15 -> random.nextBoolean() ? new ProsecutionDiscontinuedEvent(id, suspect, "public interest", occurred)
                        : new NoEvidenceOfferedEvent(id, suspect, "witness unavailable", occurred);
                case 16 -> new CaseFiledEvent(id, "filed", occurred);
                case 17 -> new CaseReopenedEvent(id, "new evidence", occurred);
                default -> new VictimInformedEvent(id, victim, null, "an update", ContactChannel.EMAIL, "Witness Care", occurred);
            };
            events.add(message(id, seq, event, recorded));
        }
        return events;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static DomainEventMessage<?> message(CaseId id, long sequence, Record event, Instant recordedAt) {
        return new GenericDomainEventMessage<>("Case", id.value(), sequence, event, Map.of(),
                id.value() + "/" + sequence, recordedAt);
    }
}
