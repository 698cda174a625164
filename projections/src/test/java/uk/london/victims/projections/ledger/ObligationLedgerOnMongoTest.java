package uk.london.victims.projections.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import uk.london.victims.domain.code.CaseFact;
import uk.london.victims.domain.code.Obligation;
import uk.london.victims.projections.obligations.CaseObligationsView;
import uk.london.victims.projections.obligations.FindCaseObligationsQuery;
import uk.london.victims.projections.review.FindComplianceReviewQuery;
import uk.london.victims.projections.review.FindReviewedObligationsQuery;
import uk.london.victims.projections.review.ReviewDimension;
import uk.london.victims.projections.review.ReviewedObligationView;
import uk.london.victims.projections.support.CaseFactDocuments;

/**
 * The ledger through its MongoDB adapter (the processor, the queries): the same answers as the rule engine
 * and the full computation, unchanged by redelivered events, and rebuilt exactly from the events.
 */
public class ObligationLedgerOnMongoTest {

    public record CrimeReportedEvent(String channel, Instant occurredAt) {
    }

    public record VictimAddedEvent(String victimId, String kind, Instant occurredAt) {
    }

    public record CrimeRecordedEvent(String borough, String offence, List<String> priorityFlags, Instant occurredAt) {
    }

    public record CrimeReclassifiedEvent(String offence, List<String> priorityFlags, Instant occurredAt) {
    }

    public record NeedsAssessedEvent(String victimId, List<String> enhancedRightsReasons, Instant occurredAt) {
    }

    public record EqualityDataRecordedEvent(String victimId, String ageBand, String sex, Instant occurredAt) {
    }

    public record SuspectArrestedEvent(Instant occurredAt) {
    }

    public record VictimInformedEvent(String victimId, Long aboutSequence, Instant occurredAt) {
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private TestClock clock;
    private ObligationLedgerProjection projection;
    private LedgerQueries queries;
    private final Map<String, List<CaseFact>> facts = new LinkedHashMap<>();
    private final List<DomainEventMessage<?>> sent = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", ""));
        database = client.getDatabase("t");
        clock = new TestClock(Instant.parse("2026-06-01T12:00:00Z"));
        LedgerSettings settings = new LedgerSettings("AGENCY:RIGHT,RIGHT:BOROUGH");
        projection = new ObligationLedgerProjection(database, LedgerFixtures.EVALUATOR, settings, clock);
        queries = new LedgerQueries(database, LedgerFixtures.EVALUATOR, settings);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void throughTheStoreTheLedgerAnswersAsTheRuleEngineAndTheFullComputationAndRebuildsTheSame() {
        // A: Hackney, the victim told of the arrest late, enhanced rights found later, reclassified, equality data.
        send("case-A", new CrimeReportedEvent("PHONE_999", at("2026-03-02T09:00:00Z")), at("2026-03-02T09:01:00Z"));
        send("case-A", new VictimAddedEvent("V1", "DIRECT_VICTIM", at("2026-03-02T09:30:00Z")), at("2026-03-02T09:31:00Z"));
        send("case-A", new CrimeRecordedEvent("HACKNEY", "ROBBERY", List.of("WEAPON_BASED"), at("2026-03-02T10:00:00Z")),
                at("2026-03-02T10:01:00Z"));
        send("case-A", new SuspectArrestedEvent(at("2026-03-03T13:00:00Z")), at("2026-03-03T13:05:00Z"));
        send("case-A", new NeedsAssessedEvent("V1", List.of("INTIMIDATED"), at("2026-03-02T11:00:00Z")), at("2026-03-04T08:00:00Z"));
        send("case-A", new VictimInformedEvent("V1", 3L, at("2026-03-09T09:00:00Z")), at("2026-03-09T09:10:00Z"));
        send("case-A", new SuspectArrestedEvent(at("2026-03-05T13:00:00Z")), at("2026-03-09T12:00:00Z"));
        send("case-A", new CrimeReclassifiedEvent("BURGLARY_RESIDENTIAL", List.of(), at("2026-03-10T09:00:00Z")),
                at("2026-03-10T09:00:00Z"));
        send("case-A", new EqualityDataRecordedEvent("V1", "AGE_35_44", "FEMALE", at("2026-03-10T10:00:00Z")),
                at("2026-03-10T10:00:00Z"));
        // B and C in one processor batch: Harrow, told in time; C never recorded as a crime.
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        batch.add(message("case-B", new CrimeReportedEvent("ONLINE", at("2026-03-02T20:00:00Z")), at("2026-03-02T20:00:00Z")));
        batch.add(message("case-B", new VictimAddedEvent("V2", "BEREAVED_FAMILY_MEMBER", at("2026-03-02T20:00:00Z")),
                at("2026-03-02T20:00:00Z")));
        batch.add(message("case-C", new CrimeReportedEvent("ONLINE", at("2026-03-03T23:30:00Z")), at("2026-03-03T23:30:00Z")));
        batch.add(message("case-B", new CrimeRecordedEvent("HARROW", "THEFT", List.of(), at("2026-03-03T08:00:00Z")),
                at("2026-03-03T08:00:00Z")));
        batch.add(message("case-B", new VictimInformedEvent("V2", 2L, at("2026-03-03T09:00:00Z")), at("2026-03-03T09:00:00Z")));
        inOneBatch(batch);

        List<Instant> instants = List.of(at("2026-03-02T09:00:30Z"), at("2026-03-03T13:04:00Z"), at("2026-03-04T07:59:59Z"),
                at("2026-03-05T12:00:00Z"), at("2026-03-09T23:59:59Z"), at("2026-03-10T09:00:00Z"), clock.instant());
        for (String caseId : facts.keySet()) {
            for (Instant asOf : instants) {
                Optional<CaseObligationsView> view = queries.handle(new FindCaseObligationsQuery(caseId, asOf));
                assertThat(view).get().extracting(CaseObligationsView::obligations).as("%s as of %s", caseId, asOf)
                        .isEqualTo(LedgerFixtures.EVALUATOR.evaluate(facts.get(caseId), asOf));
            }
        }

        FullScanReview oracle = new FullScanReview(LedgerFixtures.EVALUATOR);
        Instant from = at("2026-03-01T00:00:00Z");
        Instant to = at("2026-04-01T00:00:00Z");
        List<FindComplianceReviewQuery> reviews = new ArrayList<>();
        for (Instant asOf : instants) {
            reviews.add(new FindComplianceReviewQuery(from, to, asOf, ReviewDimension.RIGHT));
            reviews.add(new FindComplianceReviewQuery(from, to, asOf, ReviewDimension.AGENCY, ReviewDimension.RIGHT, null, null));
            reviews.add(new FindComplianceReviewQuery(from, to, asOf, ReviewDimension.RIGHT, ReviewDimension.SEX, null, null));
            reviews.add(new FindComplianceReviewQuery(from, to, asOf, ReviewDimension.OFFENCE, null, "Central East", null));
            reviews.add(new FindComplianceReviewQuery(from, to, asOf, ReviewDimension.RIGHTS_LEVEL, null, null, "HARROW"));
            reviews.add(new FindComplianceReviewQuery(at("2026-03-02T12:00:00Z"), to, asOf, ReviewDimension.BCU));
        }
        for (FindComplianceReviewQuery review : reviews) {
            assertThat(queries.handle(review)).as("%s", review).isEqualTo(oracle.review(facts, review));
        }
        // Not a trivial comparison: the Code's obligations alone (local standards are not counted by default).
        assertThat(oracle.review(facts, reviews.get(reviews.size() - 6)).total().opened()).isGreaterThan(3);
        FindComplianceReviewQuery byOffence = new FindComplianceReviewQuery(from, to, clock.instant(), ReviewDimension.OFFENCE);
        assertThat(queries.handle(new FindReviewedObligationsQuery(byOffence, "BURGLARY_RESIDENTIAL")))
                .extracting(ReviewedObligationView::caseId, ReviewedObligationView::obligation)
                .isEqualTo(oracle.counted(facts, byOffence).stream()
                        .filter(c -> c.groups().get(ReviewDimension.OFFENCE).contains("BURGLARY_RESIDENTIAL"))
                        .map(c -> org.assertj.core.groups.Tuple.tuple(c.caseId(), c.obligation())).toList());
        // One cell of a cross-tabulation: the agency's obligations of one right only, each with its case's borough and BCU.
        FindComplianceReviewQuery agencyByRight = new FindComplianceReviewQuery(from, to, clock.instant(), ReviewDimension.AGENCY,
                ReviewDimension.RIGHT, null, null);
        List<org.assertj.core.groups.Tuple> cell = oracle.counted(facts, agencyByRight).stream()
                .filter(c -> c.groups().get(ReviewDimension.AGENCY).contains("POLICE") && c.groups().get(ReviewDimension.RIGHT).contains("R6"))
                .map(c -> org.assertj.core.groups.Tuple.tuple(c.caseId(), c.obligation(), c.groups().get(ReviewDimension.BOROUGH).get(0),
                        c.groups().get(ReviewDimension.BCU).get(0))).toList();
        assertThat(cell).isNotEmpty();
        assertThat(queries.handle(new FindReviewedObligationsQuery(agencyByRight, "POLICE", "R6")))
                .extracting(ReviewedObligationView::caseId, ReviewedObligationView::obligation, ReviewedObligationView::borough,
                        ReviewedObligationView::bcu)
                .isEqualTo(cell);

        // Each agency's work list: what the rule engine says it owes and has not given, judged now.
        for (uk.london.victims.domain.cases.Agency agency : uk.london.victims.domain.cases.Agency.values()) {
            List<String> expected = new ArrayList<>();
            facts.forEach((caseId, f) -> LedgerFixtures.EVALUATOR.evaluate(f, clock.instant()).stream()
                    .filter(o -> o.owner() == agency && ObligationLedgerProjection.OUTSTANDING.contains(o.status()))
                    .forEach(o -> expected.add(caseId + "/" + ObligationLedger.key(o) + "/" + o.status())));
            assertThat(queries.handle(new uk.london.victims.projections.obligations.FindWorkListQuery(agency, clock.instant(), 2)))
                    .as("%s's work list", agency)
                    .extracting(item -> item.caseId() + "/" + ObligationLedger.key(item.obligation()) + "/" + item.obligation().status())
                    .containsExactlyInAnyOrderElementsOf(expected);
        }

        // One BCU's: only its cases' items.
        assertThat(queries.handle(new uk.london.victims.projections.obligations.FindWorkListQuery(
                        uk.london.victims.domain.cases.Agency.POLICE, clock.instant(), 2, "Central East")))
                .extracting(item -> item.caseId()).isNotEmpty().containsOnly("case-A");

        // A limited list: the earliest deadlines of the whole list, read from as few day documents as that takes.
        List<uk.london.victims.projections.obligations.WorkItemView> police = queries.handle(
                new uk.london.victims.projections.obligations.FindWorkListQuery(uk.london.victims.domain.cases.Agency.POLICE,
                        clock.instant(), 2));
        assertThat(police).hasSizeGreaterThan(3);
        assertThat(queries.handle(new uk.london.victims.projections.obligations.FindWorkListQuery(
                        uk.london.victims.domain.cases.Agency.POLICE, clock.instant(), 2, null, 3)))
                .extracting(item -> item.obligation().deadline()).isSortedAccordingTo(java.util.Comparator.naturalOrder())
                .containsExactlyElementsOf(police.subList(0, 3).stream().map(item -> item.obligation().deadline()).toList());

        // At an earlier instant: the items outstanding now, as they stood then (some changed since).
        Instant earlier = at("2026-03-04T12:00:00Z");
        List<String> then = new ArrayList<>();
        facts.forEach((caseId, f) -> {
            Map<String, Obligation> before = new LinkedHashMap<>();
            LedgerFixtures.EVALUATOR.evaluate(f, earlier).forEach(o -> before.put(ObligationLedger.key(o), o));
            LedgerFixtures.EVALUATOR.evaluate(f, clock.instant()).stream()
                    .filter(o -> o.owner() == uk.london.victims.domain.cases.Agency.POLICE
                                 && ObligationLedgerProjection.OUTSTANDING.contains(o.status()))
                    .map(o -> before.get(ObligationLedger.key(o)))
                    .filter(o -> o != null && o.owner() == uk.london.victims.domain.cases.Agency.POLICE
                                 && ObligationLedgerProjection.OUTSTANDING.contains(o.status()))
                    .forEach(o -> then.add(caseId + "/" + ObligationLedger.key(o) + "/" + o.status() + "/" + o.enhanced()));
        });
        assertThat(queries.handle(new uk.london.victims.projections.obligations.FindWorkListQuery(
                        uk.london.victims.domain.cases.Agency.POLICE, earlier, 2)))
                .extracting(item -> item.caseId() + "/" + ObligationLedger.key(item.obligation()) + "/" + item.obligation().status()
                                    + "/" + item.obligation().enhanced())
                .isNotEmpty().containsExactlyInAnyOrderElementsOf(then);

        // The days any clock started on, which bound every review's reads (the reclassification revised three).
        Document extent = database.getCollection(ObligationLedgerProjection.FIGURES)
                .find(new Document("_id", ObligationLedgerProjection.EXTENT)).first();
        List<String> days = facts.values().stream().flatMap(f -> LedgerFixtures.EVALUATOR.evaluate(f, clock.instant()).stream())
                .filter(o -> o.clockStart() != null)
                .map(o -> o.clockStart().atZone(uk.london.victims.domain.code.WorkingDayCalendar.LONDON).toLocalDate().toString())
                .sorted().toList();
        assertThat(extent.getString("firstDay")).isEqualTo(days.get(0));
        assertThat(extent.getString("lastDay")).isEqualTo(days.get(days.size() - 1));

        // Delivery is at least once: every event again changes nothing.
        Map<String, List<Document>> built = readModels();
        inOneBatch(sent);
        sent.forEach(m -> projection.on(m.getPayload(), m));
        assertThat(readModels()).isEqualTo(built);

        // Rebuild: reset and replay from the first event, in one batch.
        projection.reset();
        inOneBatch(sent);
        assertThat(readModels()).isEqualTo(built);
    }

    @Test
    void aPastReviewIsTheStoredFiguresLessTheirHistoryAndReadsTheLedgersOnlyForADayChangedInTheMinuteAsked() {
        send("case-A", new CrimeReportedEvent("PHONE_999", at("2026-03-02T09:00:00Z")), at("2026-03-02T09:01:00Z"));
        send("case-A", new VictimAddedEvent("V1", "DIRECT_VICTIM", at("2026-03-02T09:00:00Z")), at("2026-03-02T09:01:00Z"));
        send("case-A", new CrimeRecordedEvent("HACKNEY", "ROBBERY", List.of(), at("2026-03-02T10:00:00Z")), at("2026-03-02T10:00:20Z"));
        send("case-A", new VictimInformedEvent("V1", 2L, at("2026-03-02T10:00:00Z")), at("2026-03-02T10:00:50Z"));
        send("case-A", new SuspectArrestedEvent(at("2026-03-20T13:00:00Z")), at("2026-04-02T13:05:00Z"));
        send("case-A", new NeedsAssessedEvent("V1", List.of("INTIMIDATED"), at("2026-03-02T11:00:00Z")), at("2026-05-04T08:00:00Z"));
        // London midnights (the figures hold London days): 1 March in GMT, 1 April in BST.
        Instant from = at("2026-03-01T00:00:00Z");
        Instant to = at("2026-03-31T23:00:00Z");
        FullScanReview oracle = new FullScanReview(LedgerFixtures.EVALUATOR);
        List<Instant> fromHistory = List.of(at("2026-03-02T09:00:59Z"), at("2026-03-02T09:30:00Z"), at("2026-03-02T10:00:10Z"),
                at("2026-03-02T10:00:50Z"), at("2026-03-15T00:00:00Z"), at("2026-04-02T13:05:00Z"), at("2026-04-30T23:59:59Z"));
        Instant inTheMinuteOfTwoChanges = at("2026-03-02T10:00:30Z");
        List<FindComplianceReviewQuery> reviews = new ArrayList<>();
        for (Instant asOf : fromHistory) {
            reviews.add(new FindComplianceReviewQuery(from, to, asOf, ReviewDimension.RIGHT));
            reviews.add(new FindComplianceReviewQuery(from, to, asOf, ReviewDimension.AGENCY, ReviewDimension.RIGHT, null, null));
        }
        FindComplianceReviewQuery straddling = new FindComplianceReviewQuery(from, to, inTheMinuteOfTwoChanges, ReviewDimension.RIGHT);
        assertThat(queries.handle(straddling)).isEqualTo(oracle.review(facts, straddling));
        assertThat(database.getCollection(ObligationLedgerProjection.HISTORY).countDocuments()).isGreaterThan(3);

        // Without the cases' ledgers the past reviews are answered all the same, from the figures and their history...
        database.getCollection(ObligationLedgerProjection.LEDGER).drop();
        for (FindComplianceReviewQuery review : reviews) {
            assertThat(queries.handle(review)).as("%s", review).isEqualTo(oracle.review(facts, review));
        }
        assertThat(reviews.stream().map(r -> oracle.review(facts, r).total()).distinct().count()).isGreaterThan(3);
        // ...except as known between two changes in one minute: that day's cases must be counted, and are not here.
        assertThat(queries.handle(straddling)).isNotEqualTo(oracle.review(facts, straddling));
    }

    @Test
    void aPeriodCutPartWayThroughALondonDayCountsOnlyTheCutDaysFromTheirLedgers() {
        // Reports either side of the UTC midnights that start and end April in BST (01:00 London time), and within.
        Map<String, Instant> reported = new LinkedHashMap<>();
        reported.put("case-before", at("2026-03-31T23:30:00Z")); // 00:30 on 1 April in London, before 1 April in UTC
        reported.put("case-first", at("2026-04-01T12:00:00Z"));
        reported.put("case-whole", at("2026-04-02T10:00:00Z"));
        reported.put("case-last", at("2026-04-30T23:30:00Z")); // 00:30 on 1 May in London, still April in UTC
        reported.put("case-after", at("2026-05-01T09:00:00Z"));
        reported.forEach((caseId, when) -> {
            send(caseId, new CrimeReportedEvent("ONLINE", when), when.plusSeconds(60));
            send(caseId, new VictimAddedEvent("V1", "DIRECT_VICTIM", when), when.plusSeconds(60));
            send(caseId, new CrimeRecordedEvent("HACKNEY", "ROBBERY", List.of(), when.plusSeconds(600)), when.plusSeconds(600));
            send(caseId, new VictimInformedEvent("V1", 2L, when.plusSeconds(3600)), when.plusSeconds(86_400));
        });
        FullScanReview oracle = new FullScanReview(LedgerFixtures.EVALUATOR);
        List<FindComplianceReviewQuery> reviews = new ArrayList<>();
        for (Instant asOf : List.of(at("2026-06-01T12:00:00Z"), at("2026-04-01T13:00:00Z"), at("2026-04-02T12:00:00Z"))) {
            reviews.add(new FindComplianceReviewQuery(at("2026-04-01T00:00:00Z"), at("2026-05-01T00:00:00Z"), asOf, ReviewDimension.RIGHT));
            reviews.add(new FindComplianceReviewQuery(at("2026-04-01T10:00:00Z"), at("2026-04-01T15:00:00Z"), asOf,
                    ReviewDimension.AGENCY, ReviewDimension.RIGHT, null, null));
            reviews.add(new FindComplianceReviewQuery(at("2026-03-31T23:00:00Z"), at("2026-04-30T23:00:00Z"), asOf, ReviewDimension.RIGHT));
        }
        for (FindComplianceReviewQuery review : reviews) {
            assertThat(queries.handle(review)).as("%s", review).isEqualTo(oracle.review(facts, review));
        }
        assertThat(oracle.review(facts, reviews.get(0)).total().opened()).isPositive();
        assertThat(oracle.review(facts, reviews.get(0))).isNotEqualTo(oracle.review(facts, reviews.get(2)));

        // The whole days come from the figures: without the ledger of the one case reported on a whole day, the
        // answers are the same.
        database.getCollection(ObligationLedgerProjection.LEDGER).deleteOne(eq("_id", "case-whole"));
        for (FindComplianceReviewQuery review : reviews) {
            assertThat(queries.handle(review)).as("%s", review).isEqualTo(oracle.review(facts, review));
        }
    }

    @Test
    void aDayChangedByManyBatchesReadsTheSameAsTheFullComputationThroughout() {
        // Forty cases of one London day and BCU, every event alone (a batch of one), so the day's figures and its
        // day and month history documents are written 120 times each; the review is asked after every case.
        Instant from = at("2026-03-01T00:00:00Z");
        Instant to = at("2026-03-31T23:00:00Z");
        FullScanReview oracle = new FullScanReview(LedgerFixtures.EVALUATOR);
        List<Instant> between = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            String caseId = "case-" + c;
            Instant reported = at("2026-03-02T09:00:00Z").plusSeconds(600L * c);
            Instant recorded = at("2026-03-10T09:00:00Z").plusSeconds(60L * c);
            send(caseId, new CrimeReportedEvent("ONLINE", reported), recorded);
            send(caseId, new VictimAddedEvent("V1", "DIRECT_VICTIM", reported), recorded);
            send(caseId, new CrimeRecordedEvent(c % 2 == 0 ? "HACKNEY" : "TOWER_HAMLETS", "ROBBERY", List.of(), reported.plusSeconds(60)),
                    recorded.plusSeconds(30));
            between.add(recorded.plusSeconds(45));
            FindComplianceReviewQuery now = new FindComplianceReviewQuery(from, to, clock.instant(), ReviewDimension.RIGHT);
            assertThat(queries.handle(now)).as("after case %d", c).isEqualTo(oracle.review(facts, now));
        }
        for (Instant asOf : List.of(between.get(3), between.get(17), between.get(33))) {
            FindComplianceReviewQuery past = new FindComplianceReviewQuery(from, to, asOf, ReviewDimension.AGENCY, ReviewDimension.RIGHT,
                    null, null);
            assertThat(queries.handle(past)).as("as known at %s", asOf).isEqualTo(oracle.review(facts, past));
        }
    }

    @Test
    void aBatchRedeliveredAfterItsFiguresButNotItsCasesWereWrittenCountsEveryEventOnce() {
        // Three cases of one day and BCU, so their figures share a document; the second batch crashes after
        // writing the figures and before the case documents, and is then delivered again with more events.
        List<DomainEventMessage<?>> first = new ArrayList<>();
        List<DomainEventMessage<?>> second = new ArrayList<>();
        for (String caseId : List.of("case-X", "case-Y", "case-Z")) {
            first.add(message(caseId, new CrimeReportedEvent("ONLINE", at("2026-03-02T09:00:00Z")), at("2026-03-02T09:00:00Z")));
            first.add(message(caseId, new VictimAddedEvent("V1", "DIRECT_VICTIM", at("2026-03-02T09:00:00Z")), at("2026-03-02T09:00:00Z")));
        }
        for (String caseId : List.of("case-X", "case-Y", "case-Z")) {
            second.add(message(caseId, new CrimeRecordedEvent("HACKNEY", "ROBBERY", List.of(), at("2026-03-02T10:00:00Z")),
                    at("2026-03-02T10:00:00Z")));
            second.add(message(caseId, new VictimInformedEvent("V1", 2L, at("2026-03-02T11:00:00Z")), at("2026-03-02T11:00:00Z")));
        }
        inOneBatch(first);
        inOneBatch(second);
        Map<String, List<Document>> built = readModels();

        projection.reset();
        inOneBatch(first);
        Map<String, List<Document>> cases = new LinkedHashMap<>();
        for (String collection : List.of(ObligationLedgerProjection.LEDGER, ObligationLedgerProjection.FACTS)) {
            cases.put(collection, database.getCollection(collection).find().into(new ArrayList<>()));
        }
        List<Document> figuresBefore = readModels().get(ObligationLedgerProjection.FIGURES);
        // The crashed batch: X's two events and Y's first. Its case documents are lost, its figures are not.
        inOneBatch(List.of(second.get(0), second.get(1), second.get(2)));
        assertThat(readModels().get(ObligationLedgerProjection.FIGURES)).isNotEqualTo(figuresBefore);
        cases.forEach((collection, documents) -> {
            database.getCollection(collection).drop();
            database.getCollection(collection).insertMany(documents);
        });

        inOneBatch(second);
        assertThat(readModels()).isEqualTo(built);
    }

    @Test
    void twoInstancesCountingCasesOfTheSameDayAtOnceLoseNothingAndCountNothingTwice() throws Exception {
        // Sixty cases of three days and one BCU, so their figures share documents; each instance handles half of
        // them (its segments), event by event or a batch at a time (whose buckets go in one bulk write), at the
        // same time as the other.
        List<DomainEventMessage<?>> mine = new ArrayList<>();
        List<DomainEventMessage<?>> theirs = new ArrayList<>();
        for (int c = 0; c < 60; c++) {
            List<DomainEventMessage<?>> events = c % 2 == 0 ? mine : theirs;
            String caseId = "case-" + c;
            Instant reported = at("2026-03-02T09:00:00Z").plusSeconds(86_400L * (c % 3) + 60L * c);
            events.add(message(caseId, new CrimeReportedEvent("ONLINE", reported), reported));
            events.add(message(caseId, new VictimAddedEvent("V1", "DIRECT_VICTIM", reported), reported));
            events.add(message(caseId, new CrimeRecordedEvent(c % 3 == 0 ? "HACKNEY" : "TOWER_HAMLETS", "ROBBERY", List.of(),
                    reported.plusSeconds(3600)), reported.plusSeconds(3600)));
            events.add(message(caseId, new VictimInformedEvent("V1", 2L, reported.plusSeconds(7200 + 600L * c)), reported.plusSeconds(7200)));
        }
        mine.forEach(m -> projection.on(m.getPayload(), m));
        theirs.forEach(m -> projection.on(m.getPayload(), m));
        Map<String, List<Document>> built = readModels();

        for (int batch : List.of(1, 7)) {
            projection.reset();
            ObligationLedgerProjection other = new ObligationLedgerProjection(database, LedgerFixtures.EVALUATOR,
                    new LedgerSettings("AGENCY:RIGHT,RIGHT:BOROUGH"), clock);
            java.util.concurrent.ExecutorService instances = java.util.concurrent.Executors.newFixedThreadPool(2);
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            try {
                var first = instances.submit(() -> {
                    together.await();
                    inBatches(projection, mine, batch);
                    return null;
                });
                var second = instances.submit(() -> {
                    together.await();
                    inBatches(other, theirs, batch);
                    return null;
                });
                first.get();
                second.get();
            } finally {
                instances.shutdownNow();
            }
            assertThat(readModels()).as("in batches of %d", batch).isEqualTo(built);
        }
    }

    private static void inBatches(ObligationLedgerProjection projection, List<DomainEventMessage<?>> messages, int size) {
        for (int i = 0; i < messages.size(); i += size) {
            if (size == 1) {
                projection.on(messages.get(i).getPayload(), messages.get(i));
                continue;
            }
            new BatchingUnitOfWork<>(new ArrayList<>(messages.subList(i, Math.min(messages.size(), i + size)))).executeWithResult(() -> {
                DomainEventMessage<?> message = (DomainEventMessage<?>) CurrentUnitOfWork.get().getMessage();
                projection.on(message.getPayload(), message);
                return null;
            });
        }
    }

    @Test
    void aDeadlineBecomesABreachJustAfterItsInstantOnceWhicheverSweeperRunsAndAfterARestart() {
        // Thursday 2 April 2026 (BST), before Easter: two working days are Tuesday 7 and Wednesday 8 April.
        clock.now = at("2026-04-02T09:00:00Z");
        reportAndRecord("case-E", at("2026-04-02T08:00:00Z"), at("2026-04-02T09:00:00Z"));
        Instant deadline = at("2026-04-08T22:59:59.999999999Z");
        assertThat(only(obligations("case-E", clock.instant()), "R4-needs-assessment-and-referral").deadline()).isEqualTo(deadline);

        OverdueSweeper one = new OverdueSweeper(database, clock);
        one.sweep(at("2026-04-08T12:00:00Z"));
        one.sweep(deadline);
        assertThat(breaches("case-E")).isEmpty();
        one.sweep(deadline.plusNanos(1));
        assertThat(breaches("case-E")).containsExactly("R4-needs-assessment-and-referral@" + deadline);
        // Another instance, or this one restarted, sweeps the same hours again: still one breach.
        new OverdueSweeper(database, clock).sweep(deadline.plusSeconds(3600));
        one.sweep(deadline.plusNanos(2));
        assertThat(breaches("case-E")).containsExactly("R4-needs-assessment-and-referral@" + deadline);
        assertThat(obligations("case-E", deadline)).filteredOn(o -> o.ruleId().startsWith("R4")).extracting(Obligation::status)
                .containsExactly(uk.london.victims.domain.code.ObligationStatus.OPEN);
        assertThat(obligations("case-E", deadline.plusNanos(1))).filteredOn(o -> o.ruleId().startsWith("R4"))
                .extracting(Obligation::status).containsExactly(uk.london.victims.domain.code.ObligationStatus.OVERDUE);
    }

    @Test
    void theSweeperDeletesTheDeadlinesItHasPassedAndAPassedDeadlineIsNeverListed() {
        clock.now = at("2026-04-02T09:00:00Z");
        reportAndRecord("case-K", at("2026-04-02T08:00:00Z"), at("2026-04-02T09:00:00Z"));
        Instant deadline = only(obligations("case-K", clock.instant()), "R4-needs-assessment-and-referral").deadline();
        assertThat(dueItems("case-K")).contains("R4-needs-assessment-and-referral@" + deadline);
        // Recorded after its deadline had passed: the breach is written at once, and nothing waits for a sweep.
        send("case-L", new CrimeReportedEvent("ONLINE", at("2026-03-01T23:30:00Z")), clock.instant());
        send("case-L", new VictimAddedEvent("V1", "DIRECT_VICTIM", at("2026-03-01T23:30:00Z")), clock.instant());
        assertThat(breaches("case-L")).containsExactly("R2-crime-recorded@2026-03-02T23:30:00Z");
        assertThat(dueItems("case-L")).isEmpty();

        OverdueSweeper sweeper = new OverdueSweeper(database, clock);
        sweeper.sweep(deadline.plusNanos(1));
        // Read, and within the grace the cursor keeps: still there for the next sweep.
        assertThat(dueItems("case-K")).contains("R4-needs-assessment-and-referral@" + deadline);
        sweeper.sweep(deadline.plusSeconds(2 * 3600));
        assertThat(dueItems("case-K")).noneMatch(item -> !Instant.parse(item.substring(item.indexOf('@') + 1))
                .isAfter(deadline.plusSeconds(3600)));
        assertThat(dueItems("case-K")).isNotEmpty();
        assertThat(breaches("case-K")).contains("R4-needs-assessment-and-referral@" + deadline);
        // Another instance sweeping the same hours finds the breach written, once.
        new OverdueSweeper(database, clock).sweep(deadline.plusSeconds(3 * 3600));
        assertThat(breaches("case-K")).filteredOn(b -> b.startsWith("R4")).containsExactly("R4-needs-assessment-and-referral@" + deadline);
    }

    @Test
    void deadlinesAcrossTheClockChangeAndMidnightBreachAtTheirInstant() {
        // Friday 27 March 2026 (GMT); the clocks go forward on Sunday 29th: the second working day, Tuesday
        // 31 March, ends at 23:59:59.999999999 BST, which is 22:59:59.999999999 UTC.
        clock.now = at("2026-03-27T10:00:00Z");
        reportAndRecord("case-F", at("2026-03-27T09:00:00Z"), at("2026-03-27T10:00:00Z"));
        Instant afterChange = at("2026-03-31T22:59:59.999999999Z");
        assertThat(only(obligations("case-F", clock.instant()), "R4-needs-assessment-and-referral").deadline()).isEqualTo(afterChange);
        // A report at 23:30 on Saturday 31 January, never recorded as a crime: 24 hours run to 23:30 on Sunday.
        send("case-G", new CrimeReportedEvent("ONLINE", at("2026-01-31T23:30:00Z")), at("2026-03-27T10:00:00Z"));
        send("case-G", new VictimAddedEvent("V1", "DIRECT_VICTIM", at("2026-01-31T23:30:00Z")), at("2026-03-27T10:00:00Z"));
        // Recorded long after its deadline: the processor writes that breach itself, no sweep needed.
        assertThat(breaches("case-G")).containsExactly("R2-crime-recorded@2026-02-01T23:30:00Z");

        OverdueSweeper sweeper = new OverdueSweeper(database, clock);
        for (Instant now = at("2026-03-27T11:00:00Z"); now.isBefore(afterChange); now = now.plusSeconds(6 * 3600)) {
            sweeper.sweep(now);
        }
        sweeper.sweep(afterChange);
        assertThat(breaches("case-F")).isEmpty();
        sweeper.sweep(afterChange.plusNanos(1));
        assertThat(breaches("case-F")).containsExactly("R4-needs-assessment-and-referral@" + afterChange);
    }

    @Test
    void anObligationMetInTimeIsNoBreachAndOneToldOfTooLateStaysABreachOnceMet() {
        clock.now = at("2026-03-02T10:00:00Z");
        reportAndRecord("case-H", at("2026-03-02T09:00:00Z"), at("2026-03-02T10:00:00Z"));
        send("case-H", new NeedsAssessedEvent("V1", List.of(), at("2026-03-03T09:00:00Z")), at("2026-03-03T09:00:00Z"));
        Instant r3 = only(obligations("case-H", clock.instant()), "R3-written-acknowledgement").deadline();
        OverdueSweeper sweeper = new OverdueSweeper(database, clock);
        sweeper.sweep(r3.plusNanos(1));
        assertThat(breaches("case-H")).containsExactlyInAnyOrder("R3-written-acknowledgement@" + r3,
                "R5-compensation-information@" + only(obligations("case-H", clock.instant()), "R5-compensation-information").deadline());
        // Told a day later: met late, and the breach it was stays on record.
        clock.now = r3.plusSeconds(86_400);
        send("case-H", new VictimInformedEvent("V1", 2L, r3.plusSeconds(86_000)), clock.now);
        assertThat(only(obligations("case-H", clock.now), "R3-written-acknowledgement").status())
                .isEqualTo(uk.london.victims.domain.code.ObligationStatus.MET_LATE);
        assertThat(breaches("case-H")).contains("R3-written-acknowledgement@" + r3)
                .noneMatch(b -> b.startsWith("R4"));
    }

    @Test
    void aLongWorkListListsTheEarliestDeadlinesFirstAndReadsOnWhereItemsChangedSinceTheAsOfInstantDropOut() {
        // 70 cases over three weeks, in two BCUs, some victims told in time; the even cases were recorded late (on
        // the 24th), so as of the 20th their early deadlines were not yet known.
        clock.now = at("2026-03-25T12:00:00Z");
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        java.util.Set<String> harrow = new java.util.HashSet<>();
        for (int c = 0; c < 70; c++) {
            String caseId = "case-" + c;
            if (c % 3 == 0) {
                harrow.add(caseId);
            }
            Instant reported = at("2026-03-02T08:00:00Z").plusSeconds(c * 7_919L * 3);
            Instant recorded = c % 2 == 0 ? at("2026-03-24T09:00:00Z").plusSeconds(c) : reported;
            batch.add(message(caseId, new CrimeReportedEvent("ONLINE", reported), recorded));
            batch.add(message(caseId, new VictimAddedEvent("V1", "DIRECT_VICTIM", reported), recorded));
            batch.add(message(caseId, new CrimeRecordedEvent(c % 3 == 0 ? "HARROW" : "HACKNEY", "ROBBERY", List.of(), reported.plusSeconds(600)),
                    recorded.plusSeconds(600)));
            if (c % 4 == 1) {
                batch.add(message(caseId, new VictimInformedEvent("V1", 2L, reported.plusSeconds(3_600)), recorded.plusSeconds(3_600)));
            }
        }
        inOneBatch(batch);
        LedgerQueries fewKept = new LedgerQueries(database, LedgerFixtures.EVALUATOR, new LedgerSettings(""), 7);
        Instant earlier = at("2026-03-20T00:00:00Z");
        for (Instant asOf : List.of(clock.instant(), earlier)) {
            for (String bcu : java.util.Arrays.asList(null, "Central East")) {
                // The items outstanding now, as they stood at the as-of instant (if they were known and outstanding then).
                List<Obligation> owed = new ArrayList<>();
                List<String> keys = new ArrayList<>();
                facts.forEach((caseId, f) -> {
                    Map<String, Obligation> then = new LinkedHashMap<>();
                    LedgerFixtures.EVALUATOR.evaluate(f, asOf).forEach(o -> then.put(ObligationLedger.key(o), o));
                    LedgerFixtures.EVALUATOR.evaluate(f, clock.instant()).stream()
                            .filter(o -> bcu == null || !harrow.contains(caseId))
                            .filter(o -> o.owner() == uk.london.victims.domain.cases.Agency.POLICE
                                         && ObligationLedgerProjection.OUTSTANDING.contains(o.status()))
                            .map(o -> then.get(ObligationLedger.key(o)))
                            .filter(o -> o != null && o.owner() == uk.london.victims.domain.cases.Agency.POLICE
                                         && ObligationLedgerProjection.OUTSTANDING.contains(o.status()))
                            .forEach(o -> {
                                owed.add(o);
                                keys.add(caseId + "/" + ObligationLedger.key(o));
                            });
                });
                List<Instant> deadlines = owed.stream().map(Obligation::deadline)
                        .sorted(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())).toList();
                assertThat(owed).as("a long list").hasSizeGreaterThan(40);
                // Read twice (the second time from memory), and where only the first 7 items are kept and the rest read on.
                for (int round = 0; round < 2; round++) {
                    for (int limit : List.of(1, 10, 25, 49, 50, 51, 1_000)) {
                        for (LedgerQueries reader : List.of(queries, fewKept)) {
                            List<uk.london.victims.projections.obligations.WorkItemView> listed = reader.handle(
                                    new uk.london.victims.projections.obligations.FindWorkListQuery(uk.london.victims.domain.cases.Agency.POLICE,
                                            asOf, 2, bcu, limit));
                            assertThat(listed).as("%s as of %s, limit %d", bcu, asOf, limit).extracting(item -> item.obligation().deadline())
                                    .containsExactlyElementsOf(deadlines.subList(0, Math.min(limit, deadlines.size())));
                            if (limit >= deadlines.size()) {
                                assertThat(listed).extracting(item -> item.caseId() + "/" + ObligationLedger.key(item.obligation()))
                                        .containsExactlyInAnyOrderElementsOf(keys);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void aWorkListIsKeptInMemoryUntilItsListChangesOnAnyInstanceAndAReplayNeverBringsBackAnOldStamp() {
        clock.now = at("2026-03-10T12:00:00Z");
        for (int c = 0; c < 4; c++) {
            reportAndRecord("case-" + c, at("2026-03-02T08:00:00Z").plusSeconds(c * 3_600L), at("2026-03-02T10:00:00Z").plusSeconds(c * 3_600L));
        }
        uk.london.victims.projections.obligations.FindWorkListQuery police = new uk.london.victims.projections.obligations.FindWorkListQuery(
                uk.london.victims.domain.cases.Agency.POLICE, clock.instant(), 2, "Central East");
        List<String> before = workList(queries, police);
        assertThat(before).isEqualTo(expectedPoliceList()).hasSizeGreaterThan(4);

        // Kept: the items vanish from the store behind the processor's back (no new stamp), and this instance still
        // lists them, while an instance that never read the list sees the store as it is.
        List<Document> stored = database.getCollection(ObligationLedgerProjection.OPEN).find().into(new ArrayList<>());
        database.getCollection(ObligationLedgerProjection.OPEN).deleteMany(new Document());
        assertThat(workList(queries, police)).isEqualTo(before);
        assertThat(workList(new LedgerQueries(database, LedgerFixtures.EVALUATOR, new LedgerSettings("")), police)).isEmpty();
        database.getCollection(ObligationLedgerProjection.OPEN).insertMany(stored);

        // Changed by the processor (here, or on another instance: the stamp is in the store): read again at once.
        LedgerQueries other = new LedgerQueries(database, LedgerFixtures.EVALUATOR, new LedgerSettings(""));
        assertThat(workList(other, police)).isEqualTo(before);
        send("case-1", new VictimInformedEvent("V1", 2L, at("2026-03-02T12:00:00Z")), at("2026-03-02T12:00:00Z"));
        reportAndRecord("case-9", at("2026-03-09T08:00:00Z"), at("2026-03-09T09:00:00Z"));
        List<String> after = expectedPoliceList();
        assertThat(after).isNotEqualTo(before).anyMatch(item -> item.startsWith("case-9/"));
        assertThat(workList(queries, police)).isEqualTo(after);
        assertThat(workList(other, police)).isEqualTo(after);

        // Rebuilt from part of the events: whatever the list held before, its stamp is new.
        List<DomainEventMessage<?>> all = new ArrayList<>(sent);
        projection.reset();
        assertThat(workList(queries, police)).isEmpty();
        inOneBatch(all.subList(0, 6));
        List<String> rebuilt = workList(new LedgerQueries(database, LedgerFixtures.EVALUATOR, new LedgerSettings("")), police);
        assertThat(rebuilt).isNotEmpty().isNotEqualTo(after);
        assertThat(workList(queries, police)).isEqualTo(rebuilt);
        assertThat(workList(other, police)).isEqualTo(rebuilt);
    }

    private static List<String> workList(LedgerQueries queries, uk.london.victims.projections.obligations.FindWorkListQuery query) {
        return queries.handle(query).stream()
                .map(item -> item.caseId() + "/" + ObligationLedger.key(item.obligation()) + "/" + item.urgency()).toList();
    }

    /** The police's work list in Central East now, as an instance that never read it answers. */
    private List<String> expectedPoliceList() {
        return workList(new LedgerQueries(database, LedgerFixtures.EVALUATOR, new LedgerSettings("")),
                new uk.london.victims.projections.obligations.FindWorkListQuery(uk.london.victims.domain.cases.Agency.POLICE,
                        clock.instant(), 2, "Central East"));
    }

    @Test
    void aSweepReadsTheDeadlinesAPageAtATimeAndFindsEveryBreach() {
        clock.now = at("2026-03-02T10:00:00Z");
        for (int c = 0; c < 6; c++) {
            reportAndRecord("case-S" + c, at("2026-03-02T09:00:00Z").plusSeconds(c * 3_600L), at("2026-03-02T10:00:00Z").plusSeconds(c * 3_600L));
        }
        Instant later = at("2026-03-20T12:00:00Z");
        List<String> overdue = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            String caseId = "case-S" + c;
            obligations(caseId, later).stream().filter(o -> o.status() == uk.london.victims.domain.code.ObligationStatus.OVERDUE)
                    .forEach(o -> overdue.add(caseId + ":" + o.ruleId() + "@" + o.deadline()));
        }
        assertThat(overdue).hasSizeGreaterThan(6);
        new OverdueSweeper(database, clock, 2).sweep(clock.instant());
        assertThat(new OverdueSweeper(database, clock, 2).sweep(later)).isEqualTo(overdue.size());
        List<String> found = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            String caseId = "case-S" + c;
            breaches(caseId).forEach(b -> found.add(caseId + ":" + b));
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(overdue);
    }

    private void reportAndRecord(String caseId, Instant reported, Instant recorded) {
        send(caseId, new CrimeReportedEvent("ONLINE", reported), reported);
        send(caseId, new VictimAddedEvent("V1", "DIRECT_VICTIM", reported), reported);
        send(caseId, new CrimeRecordedEvent("HACKNEY", "ROBBERY", List.of(), recorded), recorded);
    }

    private List<Obligation> obligations(String caseId, Instant asOf) {
        return queries.handle(new FindCaseObligationsQuery(caseId, asOf)).orElseThrow().obligations();
    }

    /** The sweeper's deadlines listed for a case, as rule@deadline. */
    private List<String> dueItems(String caseId) {
        List<String> found = new ArrayList<>();
        database.getCollection(ObligationLedgerProjection.DUE).find(new Document("c", caseId)).forEach(d -> {
            String key = d.getString("k");
            found.add(key.substring(0, key.indexOf('|') < 0 ? key.length() : key.indexOf('|')) + "@" + d.getString("d"));
        });
        return found;
    }

    private List<String> breaches(String caseId) {
        List<String> found = new ArrayList<>();
        database.getCollection(ObligationLedgerProjection.BREACHES).find().forEach(d -> {
            if (caseId.equals(d.getString("caseId"))) {
                found.add(d.getString("ruleId") + "@" + d.getString("overdueFrom"));
            }
        });
        return found;
    }

    private Map<String, List<Document>> readModels() {
        Map<String, List<Document>> models = new LinkedHashMap<>();
        for (String collection : List.of(ObligationLedgerProjection.LEDGER, ObligationLedgerProjection.FACTS, ObligationLedgerProjection.FIGURES,
                ObligationLedgerProjection.HISTORY, ObligationLedgerProjection.DUE, ObligationLedgerProjection.OPEN, ObligationLedgerProjection.BREACHES)) {
            models.put(collection, database.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return models;
    }

    private void inOneBatch(List<DomainEventMessage<?>> messages) {
        new BatchingUnitOfWork<>(new ArrayList<>(messages)).executeWithResult(() -> {
            DomainEventMessage<?> message = (DomainEventMessage<?>) CurrentUnitOfWork.get().getMessage();
            projection.on(message.getPayload(), message);
            return null;
        });
    }

    private void send(String caseId, Record event, Instant recordedAt) {
        DomainEventMessage<?> message = message(caseId, event, recordedAt);
        projection.on(event, message);
    }

    private DomainEventMessage<?> message(String caseId, Record event, Instant recordedAt) {
        List<CaseFact> caseFacts = facts.computeIfAbsent(caseId, c -> new ArrayList<>());
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("Case", caseId, caseFacts.size(), event, Map.of(),
                java.util.UUID.randomUUID().toString(), recordedAt);
        caseFacts.add(CaseFactDocuments.fact(CaseFactDocuments.entry(event, message)));
        sent.add(message);
        return message;
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    static Obligation only(List<Obligation> obligations, String ruleId) {
        return obligations.stream().filter(o -> o.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }
}
