package uk.london.victims.projections.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bson.Document;
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
import uk.london.victims.projections.timeline.CaseTimelineProjection;

/**
 * The review keeps the Code's rights and local service standards apart: by default it counts Code rights only,
 * and a missed local standard is never counted as a breach of the Code, whatever the review is asked for.
 */
class ComplianceReviewBasisTest {

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
    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant AS_OF = Instant.parse("2026-05-01T00:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private ComplianceReviewQueries review;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        var database = client.getDatabase("review");
        review = new ComplianceReviewQueries(database, new ObligationEvaluator(CODE,
                new WorkingDayCalendar(List.of(), LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"))));
        // Recorded on Monday 2 March 2026 with domestic abuse flagged; an arrest the next day; nobody told, nobody referred.
        database.getCollection(CaseTimelineProjection.COLLECTION).insertOne(new Document("_id", "case-0000-0001").append("version", 3L)
                .append("entries", List.of(
                        entry(0, "CrimeReported", "2026-03-02T09:00:00Z", new Document("channel", "ONLINE")),
                        entry(1, "VictimAdded", "2026-03-02T09:00:00Z", new Document("victimId", "V1").append("kind", "DIRECT_VICTIM")),
                        entry(2, "CrimeRecorded", "2026-03-02T10:00:00Z", new Document("offence", "VIOLENCE_WITH_INJURY")
                                .append("priorityFlags", List.of("DOMESTIC_ABUSE")).append("borough", "HACKNEY")),
                        entry(3, "SuspectArrested", "2026-03-03T10:00:00Z", new Document("suspectId", "S1")))));
    }

    private static Document entry(long sequence, String type, String at, Document details) {
        return new Document("sequence", sequence).append("type", type).append("occurredAt", at).append("recordedAt", at)
                                                  .append("details", details);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void byDefaultOnlyTheCodesRightsAreCounted() {
        ComplianceReviewView view = review.handle(new FindComplianceReviewQuery(FROM, TO, AS_OF, ReviewDimension.RULE));
        assertThat(view.basis()).isEqualTo(ReviewBasis.CODE_RIGHTS);
        assertThat(view.rows()).extracting(ReviewRow::group)
                               .containsExactly("R4-needs-assessment-and-referral", "R6-police-decision");
        assertThat(view.total().opened()).isEqualTo(2);
        assertThat(view.total().overdue()).isEqualTo(1);
        assertThat(view.total().missedLocalStandard()).isZero();
        // The referral waits for the victim's consent after domestic abuse: counted, neither met nor breached.
        assertThat(view.total().awaitingConsent()).isEqualTo(1);
        assertThat(view.total().onTimeRate()).isEqualTo(0.0);
    }

    @Test
    void aMissedLocalStandardIsCountedApartAndNeverAsACodeBreach() {
        ComplianceReviewView local = review.handle(new FindComplianceReviewQuery(FROM, TO, AS_OF, ReviewDimension.RULE,
                ReviewBasis.LOCAL_STANDARDS));
        assertThat(local.rows()).extracting(ReviewRow::group).containsExactly("R3-written-acknowledgement");
        assertThat(local.total().overdue()).isZero();
        assertThat(local.total().missedLocalStandard()).isEqualTo(1);

        ComplianceReviewView all = review.handle(new FindComplianceReviewQuery(FROM, TO, AS_OF, ReviewDimension.BASIS, ReviewBasis.ALL));
        assertThat(all.rows()).extracting(ReviewRow::group, ReviewRow::opened, ReviewRow::overdue, ReviewRow::missedLocalStandard)
                              .containsExactly(org.assertj.core.groups.Tuple.tuple("CODE", 2L, 1L, 0L),
                                      org.assertj.core.groups.Tuple.tuple("LOCAL_STANDARD", 1L, 0L, 1L));
        assertThat(all.total().overdue()).as("Code breaches in the total").isEqualTo(1);
        assertThat(all.total().missedLocalStandard()).isEqualTo(1);
    }

    @Test
    void theDrillDownFollowsTheSameBasis() {
        FindComplianceReviewQuery code = new FindComplianceReviewQuery(FROM, TO, AS_OF, ReviewDimension.RIGHT);
        assertThat(review.handle(new FindReviewedObligationsQuery(code, "R3"))).isEmpty();
        FindComplianceReviewQuery local = new FindComplianceReviewQuery(FROM, TO, AS_OF, ReviewDimension.RIGHT, ReviewBasis.LOCAL_STANDARDS);
        assertThat(review.handle(new FindReviewedObligationsQuery(local, "R3"))).hasSize(1);
    }
}
