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
            assertThat(CellKey.fromPath(path[0], path[1])).contains(key);
        }
    }

    @Property(tries = 10)
    void aDimensionThisVersionNoLongerHasIsSkipped(@ForAll ReviewDimension by) {
        assertThat(CellKey.fromPath("GONE", "x")).isEmpty();
        assertThat(CellKey.fromPath(by.name() + "+GONE", "x|y")).isEmpty();
    }
}
