package uk.london.victims.projections.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The quick path answers exactly as {@link Instant#parse} does: the same instant, or an error. */
class IsoInstantsTest {

    @Property(tries = 2000)
    void readsBackWhatToStringWrote(@ForAll("instants") Instant instant) {
        assertThat(IsoInstants.parse(instant.toString())).isEqualTo(instant);
    }

    /** Written text with one character changed, or cut short: whatever Instant.parse says, this says. */
    @Property(tries = 5000)
    void answersAnyNearMissAsInstantParseDoes(@ForAll("nearMisses") String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeException e) {
            assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeException.class);
            return;
        }
        assertThat(IsoInstants.parse(text)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.oneOf(
                Arbitraries.longs().between(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("9999-12-31T23:59:59Z").getEpochSecond()),
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999).map(n -> n * 1_000_000),
                Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<String> nearMisses() {
        Arbitrary<Character> replacement = Arbitraries.of('0', '1', '2', '3', '5', '6', '9', '-', ':', '.', 'T', 'Z', 'x', ' ', '+');
        return Combinators.combine(instants(), Arbitraries.integers().between(0, 40), replacement, Arbitraries.of(true, false))
                .as((instant, at, c, cut) -> {
                    String text = instant.toString();
                    int position = Math.min(at, text.length() - 1);
                    return cut ? text.substring(0, position) + "Z"
                               : text.substring(0, position) + c + text.substring(position + 1);
                });
    }
}
