package uk.london.victims.projections.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

import uk.london.victims.projections.review.ReviewDimension;

/** A stored cell is named by its path alone (no dimension or value fields): the path must give the key back. */
class CellKeyTest {

    @Property
    void aCellsPathGivesItsKeyBackWhateverItsValuesHold(@ForAll ReviewDimension by, @ForAll ReviewDimension thenBy,
            @ForAll @StringLength(max = 12) @Chars({'a', 'Z', '1', ' ', '.', '$', '|', '=', '%', '+', '2', 'E', '7', 'C'}) String value,
            @ForAll @StringLength(max = 12) @Chars({'b', '.', '$', '|', '=', '%', '3', 'D', '-'}) String thenValue) {
        CellKey single = new CellKey(by, value, null, null);
        CellKey pair = new CellKey(by, value, thenBy, thenValue);
        for (CellKey key : new CellKey[] {single, pair}) {
            String[] path = key.fieldPath().split("\\.", 2);
            assertThat(path[1]).doesNotContain(".").doesNotStartWith("$");
            // Asked twice: the second answer is the remembered one.
            for (int asked = 0; asked < 2; asked++) {
                assertThat(key.place()).containsExactly(path[0], path[1]);
                assertThat(CellKey.fromPath(path[0], path[1])).contains(key);
            }
        }
        assertThat(CellKey.ALL.place()).containsExactly(CellKey.ALL_CELLS, "");
    }

    /** Keys are compared by hand (not by the record's generated methods): equal exactly when every part is. */
    @Property
    void keysAreEqualExactlyWhenEveryPartIsAndEqualKeysHashAlike(
            @ForAll ReviewDimension by1, @ForAll @StringLength(max = 2) @Chars({'a', 'b'}) String value1,
            @ForAll ReviewDimension by2, @ForAll @StringLength(max = 2) @Chars({'a', 'b'}) String value2,
            @ForAll boolean pair1, @ForAll boolean pair2, @ForAll ReviewDimension thenBy,
            @ForAll @StringLength(max = 1) @Chars({'a', 'b'}) String thenValue1,
            @ForAll @StringLength(max = 1) @Chars({'a', 'b'}) String thenValue2) {
        CellKey one = pair1 ? new CellKey(by1, value1, thenBy, thenValue1) : new CellKey(by1, value1, null, null);
        CellKey other = pair2 ? new CellKey(by2, value2, thenBy, thenValue2) : new CellKey(by2, value2, null, null);
        boolean same = by1 == by2 && value1.equals(value2) && pair1 == pair2 && (!pair1 || thenValue1.equals(thenValue2));
        assertThat(one.equals(other)).isEqualTo(same);
        assertThat(other.equals(one)).isEqualTo(same);
        if (same) {
            assertThat(one.hashCode()).isEqualTo(other.hashCode());
        }
        assertThat(one).isEqualTo(one).isNotEqualTo(null).isNotEqualTo(CellKey.ALL);
        assertThat(CellKey.ALL).isEqualTo(new CellKey(null, null, null, null)).hasSameHashCodeAs(new CellKey(null, null, null, null));
    }

    @Property(tries = 10)
    void aDimensionThisVersionNoLongerHasIsSkipped(@ForAll ReviewDimension by) {
        for (int asked = 0; asked < 2; asked++) {
            assertThat(CellKey.fromPath("GONE", "x")).isEmpty();
            assertThat(CellKey.fromPath(by.name() + "+GONE", "x|y")).isEmpty();
        }
    }
}
