package uk.london.victims.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Instants in API answers are the text {@code Instant.toString()} gives (wired in: {@link InstantJsonWiringTest}). */
class InstantJsonTest {

    @Property(tries = 3000)
    void writesWhatToStringWrites(@ForAll("instants") Instant instant) throws Exception {
        StringBuilder expected = new StringBuilder("\"").append(instant).append('"');
        java.io.StringWriter written = new java.io.StringWriter();
        try (var generator = new ObjectMapper().getFactory().createGenerator(written)) {
            new InstantJson().serialize(instant, generator, null);
        }
        assertThat(written.toString()).isEqualTo(expected.toString());
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(-62_167_219_200L, 253_402_300_799L)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(-62_167_219_201L, -62_167_219_200L, 253_402_300_799L, 253_402_300_800L, 0L, -1L)));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999).map(n -> n * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(n -> n * 1000), Arbitraries.integers().between(0, 999_999_999));
        return seconds.flatMap(s -> nanos.map(n -> Instant.ofEpochSecond(s, n)));
    }
}
