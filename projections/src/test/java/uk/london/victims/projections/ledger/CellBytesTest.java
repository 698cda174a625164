package uk.london.victims.projections.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import uk.london.victims.domain.cases.Agency;
import uk.london.victims.domain.code.Obligation;
import uk.london.victims.domain.code.ObligationStatus;
import uk.london.victims.domain.code.RuleBasis;
import uk.london.victims.domain.code.WaiverReason;
import uk.london.victims.projections.review.ReviewBasis;
import uk.london.victims.projections.review.ReviewDimension;

/** The figures' cells as bytes (ADR 0040) give back exactly the counts they were written from, and old documents still read. */
class CellBytesTest {

    private static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");

    @Property(tries = 300)
    void cellsWrittenAsBytesReadBackToTheSameFiguresAtAnyInstant(@ForAll("cells") Map<String, Cell> cells,
                                                                  @ForAll("instants") Instant asOf) {
        byte[] bytes = CellBytes.encode(cells);
        Map<String, Cell> read = CellBytes.decode(bytes);

        assertThat(read.keySet()).containsExactlyInAnyOrderElementsOf(cells.keySet());
        cells.forEach((name, cell) -> {
            for (ReviewBasis basis : ReviewBasis.values()) {
                assertThat(read.get(name).row(name, asOf, basis)).isEqualTo(cell.row(name, asOf, basis));
            }
        });
        // Nothing is lost or reordered: written again, the same bytes.
        assertThat(CellBytes.encode(read)).isEqualTo(bytes);
    }

    /**
     * ADR 0057: a batch decodes only the cells it changes and copies the others' bytes. What it writes must be exactly
     * what decoding the whole group, applying the same changes and encoding it would write, including cells taken out
     * to nothing, cells new to the group, and names the reader no longer knows (dropped either way).
     */
    @Property(tries = 300)
    void aGroupWrittenAgainWithSomeCellsChangedIsTheBytesOfDecodingItWhole(@ForAll("cells") Map<String, Cell> stored,
                                                                          @ForAll("cells") Map<String, Cell> added,
                                                                          @ForAll("choices") List<Integer> choices) {
        byte[] bytes = CellBytes.encode(stored);
        java.util.function.Predicate<String> kept = name -> !name.startsWith("x");
        // Each stored cell left alone, taken out wholly, or added to; and some cells under new names.
        Map<String, Cell> delta = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(stored.keySet());
        List<Cell> extra = new ArrayList<>(added.values());
        for (int i = 0; i < names.size(); i++) {
            int choice = choices.isEmpty() ? 0 : choices.get(i % choices.size());
            if (choice == 1) {
                Cell out = new Cell();
                out.addAll(stored.get(names.get(i)), -1);
                delta.put(names.get(i), out);
            } else if (choice == 2 && !extra.isEmpty()) {
                delta.put(names.get(i), extra.get(i % extra.size()));
            }
        }
        added.forEach((name, cell) -> delta.putIfAbsent("new" + name, cell));

        Map<String, Cell> whole = new java.util.TreeMap<>(CellBytes.decode(bytes));
        whole.keySet().removeIf(kept.negate());
        delta.forEach((name, change) -> whole.computeIfAbsent(name, n -> new Cell()).addAll(change));
        whole.values().removeIf(Cell::isNothing);
        byte[] expected = whole.isEmpty() ? null : CellBytes.encode(whole);

        CellBytes.Stored index = CellBytes.index(bytes, kept);
        java.util.SortedMap<String, Cell> changed = new java.util.TreeMap<>();
        delta.forEach((name, change) -> {
            Cell cell = index.cell(name) == null ? new Cell() : index.cell(name);
            cell.addAll(change);
            changed.put(name, cell);
        });

        assertThat(CellBytes.merge(index, changed)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<Integer>> choices() {
        return Arbitraries.integers().between(0, 2).list().ofMaxSize(8);
    }

    @Test
    void figuresStoredAsNestedDocumentsBeforeTheBytesStillRead() {
        Document cell = new Document("CODE", new Document("s", new Document("MET_ON_TIME", 2L).append("OVERDUE", 0L))
                .append("w", new Document()).append("t", new Document("30", 1L).append("90", 1L))
                .append("p", new Document(DAY.plusSeconds(86_400).getEpochSecond() + "_5", 1L)));
        Document stored = new Document("_id", "2026-03-02|CENTRAL_EAST").append("members", new Document("case-1", 4L))
                .append("lastRecordedNanos", uk.london.victims.projections.support.IsoInstants.toNanos(DAY.plusSeconds(3600)))
                .append("cells", new Document("ALL", cell).append("BCU", new Document("CENTRAL_EAST", cell)));

        BucketFigures old = BucketFigures.fromDocument(stored);
        BucketFigures rewritten = BucketFigures.fromDocument(BucketFigures.toDocument(old));

        assertThat(BucketFigures.toDocument(old).get("cells", Document.class).get("ALL")).isInstanceOf(Binary.class);
        for (BucketFigures figures : List.of(old, rewritten)) {
            assertThat(figures.members).containsEntry("case-1", 4L);
            assertThat(figures.cells.keySet()).containsExactlyInAnyOrder(CellKey.ALL,
                    new CellKey(ReviewDimension.BCU, "CENTRAL_EAST", null, null));
            var row = figures.cells.get(CellKey.ALL).row("All", DAY.plusSeconds(2 * 86_400), ReviewBasis.CODE_RIGHTS);
            assertThat(row.opened()).isEqualTo(3);
            assertThat(row.metOnTime()).isEqualTo(2);
            assertThat(row.overdue()).as("the open deadline has passed by then").isEqualTo(1);
            assertThat(row.medianTimeToMeet()).isEqualTo(Duration.ofMinutes(30));
            assertThat(row.p95TimeToMeet()).isEqualTo(Duration.ofMinutes(90));
        }
    }

    @Provide
    Arbitrary<Map<String, Cell>> cells() {
        Arbitrary<Obligation> obligation = Combinators.combine(
                Arbitraries.of(ObligationStatus.class), Arbitraries.of(RuleBasis.class),
                Arbitraries.longs().between(-86_400, 90L * 86_400), Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.longs().between(0, 200_000).injectNull(0.3), Arbitraries.of(WaiverReason.class).injectNull(0.5))
                .as((status, basis, seconds, nanos, minutes, waiver) -> new Obligation("R" + (seconds % 7), "right", "obligation",
                        Agency.POLICE, "2025", null, 1, "trigger", "V1", false, DAY, DAY.plusSeconds(seconds).plusNanos(nanos), status,
                        waiver, null, null, minutes == null ? null : Duration.ofMinutes(minutes).plusSeconds(seconds & 59), basis, List.of()));
        Arbitrary<Cell> cell = Combinators.combine(obligation.list().ofMaxSize(40), Arbitraries.integers().between(0, 100))
                .as((obligations, removed) -> {
                    Cell c = new Cell();
                    List<Obligation> added = new ArrayList<>();
                    for (Obligation o : obligations) {
                        c.add(o, 1);
                        added.add(o);
                    }
                    // Some taken out again, as a revision does: the counts must go back, not linger at zero.
                    for (int i = 0; i < added.size() * removed / 100; i++) {
                        c.add(added.get(i), -1);
                    }
                    return c;
                });
        return Arbitraries.maps(Arbitraries.strings().ofMaxLength(12), cell).ofMaxSize(6).map(LinkedHashMap::new);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(-2L * 86_400, 100L * 86_400).map(DAY::plusSeconds);
    }
}
