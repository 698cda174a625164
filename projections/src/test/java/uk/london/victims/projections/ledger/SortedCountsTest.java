package uk.london.victims.projections.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The figures' sorted counts behave as the sorted map they replace (ADR 0040): any mix of single adds, whole
 * additions and subtractions, and sums of many, gives the same keys in the same order with the same counts, and a
 * key whose count comes back to zero is gone.
 */
class SortedCountsTest {

    /** One key: few majors and minors, so that keys collide, cancel and land before, between and after others. */
    record Key(long major, int minor) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int order = Long.compare(major, other.major);
            return order != 0 ? order : Integer.compare(minor, other.minor);
        }
    }

    record Add(Key key, long delta) {
    }

    @Property(tries = 300)
    void singleAddsKeepTheKeysSortedWithTheirCounts(@ForAll("adds") List<Add> adds) {
        SortedCounts counts = new SortedCounts();
        TreeMap<Key, Long> model = new TreeMap<>();
        for (Add add : adds) {
            counts.add(add.key().major(), add.key().minor(), add.delta());
            apply(model, add.key(), add.delta());
            assertThat(asMap(counts)).isEqualTo(model);
        }
    }

    @Property(tries = 300)
    void addingAndTakingOutWholeCountsIsTheSumOrDifferenceOfEachKey(@ForAll("adds") List<Add> first, @ForAll("adds") List<Add> second) {
        addsAndTakesOut(first, second);
    }

    /** As a case's change into a day's cell: a key or two into many, added key by key rather than merged. */
    @Property(tries = 300)
    void aFewKeysAddedToManyAreTheSumOrDifferenceOfEachKey(@ForAll("manyKeys") List<Add> first, @ForAll("fewKeys") List<Add> second) {
        addsAndTakesOut(first, second);
    }

    private static void addsAndTakesOut(List<Add> first, List<Add> second) {
        SortedCounts a = of(first);
        SortedCounts b = of(second);
        TreeMap<Key, Long> plus = new TreeMap<>(asMap(a));
        asMap(b).forEach((k, v) -> apply(plus, k, v));
        TreeMap<Key, Long> minus = new TreeMap<>(asMap(a));
        asMap(b).forEach((k, v) -> apply(minus, k, -v));

        SortedCounts added = of(first);
        added.addAll(b, 1);
        SortedCounts takenOut = of(first);
        takenOut.addAll(b, -1);

        assertThat(asMap(added)).isEqualTo(plus);
        assertThat(asMap(takenOut)).isEqualTo(minus);
        takenOut.addAll(b, 1);
        assertThat(asMap(takenOut)).isEqualTo(asMap(a));
        assertThat(asMap(b)).isEqualTo(asMap(of(second)));
    }

    @Property(tries = 200)
    void aSumOfManyEqualsAddingThemOneByOneAndLeavesThemAsTheyWere(@ForAll("manyAdds") List<List<Add>> parts) {
        List<SortedCounts> counts = new ArrayList<>();
        TreeMap<Key, Long> model = new TreeMap<>();
        for (List<Add> part : parts) {
            counts.add(of(part));
            part.forEach(add -> apply(model, add.key(), add.delta()));
        }
        List<TreeMap<Key, Long>> before = counts.stream().map(SortedCountsTest::asMap).toList();

        SortedCounts sum = SortedCounts.sum(counts);

        assertThat(asMap(sum)).isEqualTo(model);
        assertThat(counts.stream().map(SortedCountsTest::asMap).toList()).isEqualTo(before);
        sum.add(0, 0, 1); // the sum is its own: changing it changes none of the parts
        assertThat(counts.stream().map(SortedCountsTest::asMap).toList()).isEqualTo(before);
    }

    @Property(tries = 200)
    void aSumOfManyDaysMinutesEqualsAddingThemOneByOne(@ForAll("manyDaysMinutes") List<List<Add>> parts) {
        // Whole minutes over a narrow range: summed by key in an array, unless an outlier widens the range too far.
        aSumOfManyEqualsAddingThemOneByOneAndLeavesThemAsTheyWere(parts);
    }

    @Property(tries = 200)
    void aSumOfManyDaysMinutesWithALongTailEqualsAddingThemOneByOne(@ForAll("manyDaysMinutesWithALongTail") List<List<Add>> parts) {
        // Most minutes in a narrow range, a fifth spread far beyond it: swept a window at a time, gaps skipped, the tail
        // counted as the rest.
        aSumOfManyEqualsAddingThemOneByOneAndLeavesThemAsTheyWere(parts);
    }

    @Example
    void keysAtTheEndsOfTheirRangeAreSummedLikeAnyOther() {
        // The largest keys a long holds (swept in one window), and keys further apart than a long counts (merged).
        List<Add> high = List.of(new Add(new Key(Long.MAX_VALUE, 0), 2), new Add(new Key(Long.MAX_VALUE - 1, 0), 1));
        aSumOfManyEqualsAddingThemOneByOneAndLeavesThemAsTheyWere(List.of(high, high, high, high));
        List<Add> apart = List.of(new Add(new Key(Long.MIN_VALUE, 0), 1), new Add(new Key(Long.MAX_VALUE, 0), 1));
        aSumOfManyEqualsAddingThemOneByOneAndLeavesThemAsTheyWere(List.of(apart, apart, apart, apart));
    }

    @Property(tries = 300)
    void theTotalBeforeAKeyCountsOnlyTheKeysBeforeIt(@ForAll("adds") List<Add> adds, @ForAll("keys") Key at) {
        SortedCounts counts = of(adds);
        TreeMap<Key, Long> model = new TreeMap<>(asMap(counts));

        assertThat(counts.totalBefore(at.major(), at.minor()))
                .isEqualTo(model.headMap(at, false).values().stream().mapToLong(Long::longValue).sum());
        assertThat(counts.total()).isEqualTo(model.values().stream().mapToLong(Long::longValue).sum());
    }

    private static SortedCounts of(List<Add> adds) {
        SortedCounts counts = new SortedCounts();
        adds.forEach(add -> counts.add(add.key().major(), add.key().minor(), add.delta()));
        return counts;
    }

    private static void apply(Map<Key, Long> model, Key key, long delta) {
        long value = model.getOrDefault(key, 0L) + delta;
        if (value == 0) {
            model.remove(key);
        } else {
            model.put(key, value);
        }
    }

    private static TreeMap<Key, Long> asMap(SortedCounts counts) {
        TreeMap<Key, Long> map = new TreeMap<>();
        Key previous = null;
        for (int i = 0; i < counts.size(); i++) {
            Key key = new Key(counts.major(i), counts.minor(i));
            assertThat(previous == null || previous.compareTo(key) < 0).as("keys strictly ascending").isTrue();
            assertThat(counts.count(i)).as("no zero count is kept").isNotZero();
            map.put(key, counts.count(i));
            previous = key;
        }
        return map;
    }

    @Provide
    Arbitrary<Key> keys() {
        return Combinators.combine(Arbitraries.longs().between(-3, 12), Arbitraries.integers().between(0, 2)).as(Key::new);
    }

    @Provide
    Arbitrary<List<Add>> adds() {
        return Combinators.combine(keys(), Arbitraries.longs().between(-3, 3)).as(Add::new).list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<Add>> manyKeys() {
        return Combinators.combine(Combinators.combine(Arbitraries.longs().between(-40, 40), Arbitraries.integers().between(0, 2)).as(Key::new),
                Arbitraries.longs().between(1, 3)).as(Add::new).list().ofMinSize(60).ofMaxSize(200);
    }

    @Provide
    Arbitrary<List<Add>> fewKeys() {
        return Combinators.combine(Combinators.combine(Arbitraries.longs().between(-45, 45), Arbitraries.integers().between(0, 2)).as(Key::new),
                Arbitraries.longs().between(-3, 3)).as(Add::new).list().ofMaxSize(2);
    }

    @Provide
    Arbitrary<List<List<Add>>> manyDaysMinutes() {
        Arbitrary<Long> minutes = Arbitraries.frequencyOf(Tuple.of(30, Arbitraries.longs().between(0, 300)),
                Tuple.of(1, Arbitraries.longs().between(0, 5_000_000)));
        return Combinators.combine(minutes.map(m -> new Key(m, 0)), Arbitraries.longs().between(-3, 3)).as(Add::new)
                .list().ofMaxSize(30).list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<List<Add>>> manyDaysMinutesWithALongTail() {
        Arbitrary<Long> minutes = Arbitraries.frequencyOf(Tuple.of(16, Arbitraries.longs().between(0, 300)),
                Tuple.of(3, Arbitraries.longs().between(2_000, 12_000)), Tuple.of(1, Arbitraries.longs().between(0, 3_000_000)));
        return Combinators.combine(minutes.map(m -> new Key(m, 0)), Arbitraries.longs().between(-3, 3)).as(Add::new)
                .list().ofMinSize(5).ofMaxSize(30).list().ofMinSize(4).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<List<Add>>> manyAdds() {
        return adds().list().ofMaxSize(40);
    }
}
