package uk.london.victims.projections.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import uk.london.victims.domain.cases.Agency;
import uk.london.victims.domain.code.Confidence;
import uk.london.victims.domain.code.Obligation;
import uk.london.victims.domain.code.ObligationStatus;
import uk.london.victims.domain.code.RuleBasis;
import uk.london.victims.projections.review.ReviewDimension;

/**
 * The figures' history (ADR 0042): every change recorded after an instant is in exactly one of the documents
 * a review as known then subtracts, those documents lie in the ranges it reads, and a bucket whose history
 * cannot say exactly what was known then is left to be counted from its cases' ledgers.
 */
class FigureHistoryTest {

    private static final String BCU = "Central East";
    private static final String BUCKET = "2026-03-02|" + BCU;
    private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");
    private static final List<ReviewDimension> DIMENSIONS = List.of(ReviewDimension.values());

    @Property(tries = 2000)
    void aChangeRecordedAfterAnInstantIsInExactlyOneDocumentReadForIt(@ForAll @LongRange(min = 0, max = 80_000_000) long recordedSeconds,
                                                                      @ForAll @LongRange(min = 0, max = 80_000_000) long asOfSeconds,
                                                                      @ForAll @LongRange(min = -120, max = 120) long nearBy) {
        Instant recorded = BASE.plusSeconds(recordedSeconds).plusNanos(recordedSeconds % 7 * 1000);
        // Often within two minutes of each other, where the minute, day and month boundaries are.
        Instant asOf = nearBy % 3 == 0 ? BASE.plusSeconds(asOfSeconds) : recorded.plusSeconds(nearBy);
        List<BucketFigures> read = FigureHistory.ids(BUCKET, recorded).stream().map(id -> new BucketFigures(id, BUCKET))
                .filter(h -> FigureHistory.recordedAfter(h, asOf)).toList();
        boolean inOrAfterTheMinuteOfAsOf = !recorded.isBefore(asOf.truncatedTo(ChronoUnit.MINUTES));
        assertThat(read).hasSize(inOrAfterTheMinuteOfAsOf ? 1 : 0);
        for (BucketFigures h : read) {
            assertThat(h.bucket).isEqualTo(BUCKET);
            assertThat(FigureHistory.bucketOf(h.id)).isEqualTo(BUCKET);
            assertThat(FigureHistory.after(BCU, asOf)).as("%s in the ranges read after %s", h.id, asOf)
                    .anyMatch(range -> within(range, h.id));
        }
    }

    @Test
    void theFiguresAsKnownAtAnInstantAreTheStoredLessWhatWasRecordedAfterIt() {
        Instant first = Instant.parse("2026-03-02T10:15:10Z");
        Instant second = Instant.parse("2026-03-04T09:00:00Z");
        Fixture f = new Fixture();
        f.count("A", 0, first);
        BucketFigures afterFirst = copy(f.bucket);
        f.count("B", 0, second);

        assertThat(cells(FigureHistory.asKnownAt(f.bucket, f.history(), second).orElseThrow())).isEqualTo(cells(f.bucket));
        assertThat(cells(FigureHistory.asKnownAt(f.bucket, f.history(), second.minusNanos(1)).orElseThrow())).isEqualTo(cells(afterFirst))
                .isNotEqualTo(cells(f.bucket));
        assertThat(cells(FigureHistory.asKnownAt(f.bucket, f.history(), first).orElseThrow())).isEqualTo(cells(afterFirst));
        assertThat(FigureHistory.asKnownAt(f.bucket, f.history(), first.minusSeconds(1)).orElseThrow().cells).isEmpty();
    }

    @Test
    void aChangeInTheSameMinuteAfterTheInstantAskedLeavesTheBucketToItsLedgers() {
        Fixture f = new Fixture();
        f.count("A", 0, Instant.parse("2026-03-02T10:15:10Z"));
        f.count("B", 0, Instant.parse("2026-03-02T10:15:40Z"));

        assertThat(FigureHistory.asKnownAt(f.bucket, f.history(), Instant.parse("2026-03-02T10:15:20Z"))).isEmpty();
        assertThat(FigureHistory.asKnownAt(f.bucket, f.history(), Instant.parse("2026-03-02T10:15:40Z"))).isPresent();
        assertThat(FigureHistory.asKnownAt(f.bucket, f.history(), Instant.parse("2026-03-02T10:15:09Z"))).isPresent();
    }

    @Test
    void aHistoryAheadOfTheFiguresReadBeforeItLeavesTheBucketToItsLedgers() {
        Fixture f = new Fixture();
        f.count("A", 0, Instant.parse("2026-03-02T10:15:10Z"));
        BucketFigures readBefore = copy(f.bucket);
        f.count("A", 1, Instant.parse("2026-03-03T08:00:00Z"));

        assertThat(FigureHistory.asKnownAt(readBefore, f.history(), Instant.parse("2026-03-02T12:00:00Z"))).isEmpty();
        assertThat(FigureHistory.asKnownAt(f.bucket, f.history(), Instant.parse("2026-03-02T12:00:00Z"))).isPresent();
    }

    @Test
    void aBucketCountedBeforeHistoriesWereKeptIsAnsweredOnlyFromItsLatestChangeThen() {
        BucketFigures bucket = new BucketFigures(BUCKET);
        Instant before = Instant.parse("2026-03-02T10:15:10Z");
        bucket.apply("A", 0, change(before, 0).delta(BUCKET, DIMENSIONS, List.of()), before);
        bucket.keepHistory(false);

        assertThat(bucket.historyFrom).isEqualTo(before);
        assertThat(FigureHistory.asKnownAt(bucket, List.of(), before.minusNanos(1))).isEmpty();
        assertThat(FigureHistory.asKnownAt(bucket, List.of(), before)).isPresent();
    }

    /** A bucket and its history, counted as the processor counts them. */
    private static final class Fixture {
        final BucketFigures bucket = new BucketFigures(BUCKET);
        final Map<String, BucketFigures> history = new java.util.TreeMap<>();

        void count(String caseId, long version, Instant recordedAt) {
            bucket.keepHistory(bucket.members.isEmpty());
            Map<CellKey, Cell> delta = change(recordedAt, version).delta(BUCKET, DIMENSIONS, List.of());
            for (String id : FigureHistory.ids(BUCKET, recordedAt)) {
                history.computeIfAbsent(id, i -> new BucketFigures(i, BUCKET)).apply(caseId, version, delta, recordedAt);
            }
            bucket.apply(caseId, version, delta, recordedAt);
        }

        List<BucketFigures> history() {
            return List.copyOf(history.values());
        }
    }

    /** A case's obligation, whose clock started on the bucket's day, opened (version 0) or met (later versions). */
    private static BucketFigures.Change change(Instant recordedAt, long version) {
        Instant start = Instant.parse("2026-03-02T09:00:00Z");
        Obligation o = new Obligation("R1", "Right 1", "inform", Agency.POLICE, "2020", Confidence.HIGH, 0, "CrimeReported", "V0",
                false, start, start.plus(Duration.ofDays(5)), version == 0 ? ObligationStatus.OPEN : ObligationStatus.MET_ON_TIME, null,
                version == 0 ? null : version, version == 0 ? null : recordedAt, version == 0 ? null : Duration.between(start, recordedAt),
                RuleBasis.CODE, List.of());
        Map<ReviewDimension, List<String>> groups = Map.of(ReviewDimension.BCU, List.of(BCU), ReviewDimension.RIGHT, List.of("Right 1"));
        LedgerRevision revision = new LedgerRevision(recordedAt, version, o, groups);
        LedgerRevision previous = version == 0 ? null : new LedgerRevision(recordedAt, version - 1, new Obligation("R1", "Right 1", "inform",
                Agency.POLICE, "2020", Confidence.HIGH, 0, "CrimeReported", "V0", false, start, start.plus(Duration.ofDays(5)),
                ObligationStatus.OPEN, null, null, null, null, RuleBasis.CODE, List.of()), groups);
        return new BucketFigures.Change(previous == null ? Map.of() : Map.of(BUCKET, List.of(previous)), Map.of(BUCKET, List.of(revision)),
                recordedAt);
    }

    /** The cells as stored (Cell has no equals of its own). */
    private static Map<String, List<Byte>> cells(BucketFigures figures) {
        Map<String, List<Byte>> stored = new java.util.TreeMap<>();
        figures.cells.forEach((key, cell) -> {
            byte[] bytes = CellBytes.encode(Map.of("", cell));
            List<Byte> list = new java.util.ArrayList<>();
            for (byte b : bytes) {
                list.add(b);
            }
            stored.put(key.toString(), list);
        });
        return stored;
    }

    private static BucketFigures copy(BucketFigures figures) {
        return BucketFigures.fromDocument(BucketFigures.toDocument(figures));
    }

    /** Whether an {@code _id} lies in a range {@code {$and: [{_id: {$gte: a}}, {_id: {$lt: b}}]}}. */
    private static boolean within(Bson range, String id) {
        BsonDocument document = range.toBsonDocument();
        String from = null;
        String before = null;
        for (BsonValue condition : document.getArray("$and")) {
            BsonDocument on = condition.asDocument().getDocument("_id");
            if (on.containsKey("$gte")) {
                from = on.getString("$gte").getValue();
            }
            if (on.containsKey("$lt")) {
                before = on.getString("$lt").getValue();
            }
        }
        return from != null && before != null && id.compareTo(from) >= 0 && id.compareTo(before) < 0;
    }
}
