package uk.london.victims.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A run's report replaces only the previous run's, so what was written by hand around it in BENCHMARKS.md stays. */
class BenchReportPlacementTest {

    @Test
    void theReportReplacesOnlyWhatIsBetweenTheMarks() {
        String file = "# Benchmarks\n\nHand-written summary.\n\n" + BenchMain.BEGIN + "\nold run\n" + BenchMain.END
                      + "\n\n## Earlier runs\n\nkept\n";
        String written = BenchMain.into(file, "new run\n");
        assertThat(written).isEqualTo("# Benchmarks\n\nHand-written summary.\n\n" + BenchMain.BEGIN + "\nnew run\n" + BenchMain.END
                                      + "\n\n## Earlier runs\n\nkept\n");
        assertThat(BenchMain.into(written, "newer run\n")).contains("newer run").doesNotContain("new run\n" + BenchMain.END)
                .contains("Hand-written summary.").contains("## Earlier runs");
    }

    @Test
    void aFileWithoutMarksIsReplacedWholeAndGetsThem() {
        assertThat(BenchMain.into("# Old\n", "run\n")).isEqualTo(BenchMain.BEGIN + "\nrun\n" + BenchMain.END + "\n");
        assertThat(BenchMain.into("", "run\n")).startsWith(BenchMain.BEGIN);
    }
}
