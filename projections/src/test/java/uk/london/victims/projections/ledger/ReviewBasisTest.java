package uk.london.victims.projections.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.london.victims.projections.ledger.ObligationLedgerOnMongoTest.at;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import uk.london.victims.domain.cases.Agency;
import uk.london.victims.domain.code.CaseCategories;
import uk.london.victims.domain.code.ClockStart;
import uk.london.victims.domain.code.CodeEdition;
import uk.london.victims.domain.code.CodeRule;
import uk.london.victims.domain.code.Confidence;
import uk.london.victims.domain.code.EvidenceKind;
import uk.london.victims.domain.code.LimitUnit;
import uk.london.victims.domain.code.ObligationEvaluator;
import uk.london.victims.domain.code.RuleBasis;
import uk.london.victims.domain.code.TimeLimit;
import uk.london.victims.domain.code.VictimsCode;
import uk.london.victims.domain.code.WorkingDayCalendar;
import uk.london.victims.projections.ledger.ObligationLedgerOnMongoTest.CrimeRecordedEvent;
import uk.london.victims.projections.ledger.ObligationLedgerOnMongoTest.CrimeReportedEvent;
import uk.london.victims.projections.ledger.ObligationLedgerOnMongoTest.SuspectArrestedEvent;
import uk.london.victims.projections.ledger.ObligationLedgerOnMongoTest.TestClock;
import uk.london.victims.projections.ledger.ObligationLedgerOnMongoTest.VictimAddedEvent;
import uk.london.victims.projections.review.ComplianceReviewView;
import uk.london.victims.projections.review.FindComplianceReviewQuery;
import uk.london.victims.projections.review.FindReviewedObligationsQuery;
import uk.london.victims.projections.review.ReviewBasis;
import uk.london.victims.projections.review.ReviewDimension;
import uk.london.victims.projections.review.ReviewRow;

/**
 * The review keeps the Code's rights and local service standards apart: by default it counts Code rights only,
 * and a missed local standard is never counted as a breach of the Code, whatever the review is asked for. Asked
 * of the ledger both as known now (its stored figures) and as known on a past date (its records).
 */
class ReviewBasisTest {

    private static final TimeLimit FIVE_DAYS = new TimeLimit(5, LimitUnit.WORKING_DAYS);
    private static final TimeLimit TWO_DAYS = new TimeLimit(2, LimitUnit.WORKING_DAYS);
    private static final CodeRule CODE_ARREST = new CodeRule("R6-police-decision", "R6", "Told of the arrest", Agency.POLICE,
            List.of("SuspectArrested"), Map.of(), ClockStart.EVENT, FIVE_DAYS, null, EvidenceKind.VICTIM_INFORMED, List.of(), true,
            List.of(), Confidence.HIGH, "Code", null, RuleBasis.CODE, null, null, null);
    private static final CodeRule LOCAL_ACKNOWLEDGEMENT = new CodeRule("R3-written-acknowledgement", "R3", "Acknowledged",
            Agency.POLICE, List.of("CrimeRecorded"), Map.of(), ClockStart.EVENT, FIVE_DAYS, null, EvidenceKind.VICTIM_INFORMED,
            List.of(), true, List.of(), Confidence.LOW, "local standard", null, RuleBasis.LOCAL_STANDARD, null, null, null);
    private static final CodeRule REFERRAL = new CodeRule("R4-needs-assessment-and-referral", "R4", "Referred", Agency.POLICE,
            List.of("CrimeRecorded"), Map.of(), ClockStart.EVENT, TWO_DAYS, null, EvidenceKind.EVENT,
            List.of("SupportReferralRecorded"), true, List.of(), Confidence.HIGH, "Code", null, RuleBasis.CODE, null, null,
            new CaseCategories(List.of(), List.of("DOMESTIC_ABUSE"), List.of()));
    private static final VictimsCode CODE = new VictimsCode(List.of(new CodeEdition("2020", "test", LocalDate.parse("2021-04-01"),
            null, List.of(CODE_ARREST, LOCAL_ACKNOWLEDGEMENT, REFERRAL))));
    private static final ObligationEvaluator EVALUATOR = new ObligationEvaluator(CODE,
            new WorkingDayCalendar(List.of(), LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31")));
    private static final Instant FROM = at("2026-03-01T00:00:00Z");
    private static final Instant TO = at("2026-04-01T00:00:00Z");
    /** The moment of asking: the stored figures answer. */
    private static final Instant NOW = at("2026-05-01T00:00:00Z");
    /** A past date, after every deadline: the ledger's records answer. */
    private static final Instant PAST = at("2026-04-20T00:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private LedgerQueries review;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        var database = client.getDatabase("review");
        LedgerSettings settings = new LedgerSettings("AGENCY:RIGHT");
        ObligationLedgerProjection projection = new ObligationLedgerProjection(database, EVALUATOR, settings, new TestClock(NOW));
        review = new LedgerQueries(database, EVALUATOR, settings);
        // Recorded on Monday 2 March 2026 with domestic abuse flagged; an arrest the next day; nobody told, nobody referred.
        List<Record> events = List.of(new CrimeReportedEvent("ONLINE", at("2026-03-02T09:00:00Z")),
                new VictimAddedEvent("V1", "DIRECT_VICTIM", at("2026-03-02T09:00:00Z")),
                new CrimeRecordedEvent("HACKNEY", "VIOLENCE_WITH_INJURY", List.of("DOMESTIC_ABUSE"), at("2026-03-02T10:00:00Z")),
                new SuspectArrestedEvent(at("2026-03-03T10:00:00Z")));
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Record event : events) {
            messages.add(new GenericDomainEventMessage<>("Case", "case-0000-0001", messages.size(), event, Map.of(),
                    java.util.UUID.randomUUID().toString(), occurredAt(event)));
        }
        messages.forEach(m -> projection.on(m.getPayload(), m));
    }

    private static Instant occurredAt(Record event) {
        try {
            return (Instant) event.getClass().getMethod("occurredAt").invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private FindComplianceReviewQuery query(Instant asOf, ReviewDimension by, ReviewBasis basis) {
        return new FindComplianceReviewQuery(FROM, TO, asOf, by, null, null, null, asOf.equals(NOW), basis);
    }

    @Test
    void byDefaultOnlyTheCodesRightsAreCounted() {
        for (Instant asOf : List.of(NOW, PAST)) {
            ComplianceReviewView view = review.handle(query(asOf, ReviewDimension.RULE, null));
            assertThat(view.basis()).isEqualTo(ReviewBasis.CODE_RIGHTS);
            assertThat(view.rows()).as("as of %s", asOf).extracting(ReviewRow::group)
                                   .containsExactly("R4-needs-assessment-and-referral", "R6-police-decision");
            assertThat(view.total().opened()).isEqualTo(2);
            assertThat(view.total().overdue()).isEqualTo(1);
            assertThat(view.total().missedLocalStandard()).isZero();
            // The referral waits for the victim's consent after domestic abuse: counted, neither met nor breached.
            assertThat(view.total().awaitingConsent()).isEqualTo(1);
            assertThat(view.total().onTimeRate()).isEqualTo(0.0);
        }
    }

    @Test
    void aMissedLocalStandardIsCountedApartAndNeverAsACodeBreach() {
        for (Instant asOf : List.of(NOW, PAST)) {
            ComplianceReviewView local = review.handle(query(asOf, ReviewDimension.RULE, ReviewBasis.LOCAL_STANDARDS));
            assertThat(local.rows()).as("as of %s", asOf).extracting(ReviewRow::group).containsExactly("R3-written-acknowledgement");
            assertThat(local.total().overdue()).isZero();
            assertThat(local.total().missedLocalStandard()).isEqualTo(1);

            ComplianceReviewView all = review.handle(query(asOf, ReviewDimension.BASIS, ReviewBasis.ALL));
            assertThat(all.rows()).extracting(ReviewRow::group, ReviewRow::opened, ReviewRow::overdue, ReviewRow::missedLocalStandard)
                                  .containsExactly(org.assertj.core.groups.Tuple.tuple("CODE", 2L, 1L, 0L),
                                          org.assertj.core.groups.Tuple.tuple("LOCAL_STANDARD", 1L, 0L, 1L));
            assertThat(all.total().overdue()).as("Code breaches in the total").isEqualTo(1);
            assertThat(all.total().missedLocalStandard()).isEqualTo(1);
        }
    }

    @Test
    void theDrillDownFollowsTheSameBasis() {
        assertThat(review.handle(new FindReviewedObligationsQuery(query(NOW, ReviewDimension.RIGHT, null), "R3"))).isEmpty();
        assertThat(review.handle(new FindReviewedObligationsQuery(query(NOW, ReviewDimension.RIGHT, ReviewBasis.LOCAL_STANDARDS),
                "R3"))).hasSize(1);
    }
}
