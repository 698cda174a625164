package uk.london.victims.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.context.annotation.Import;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The API's JSON writes instants with {@link InstantJson}, not with the Java time module's serializer. */
@JsonTest
@Import(ApiJson.class)
class InstantJsonWiringTest {

    @Autowired
    ObjectMapper json;

    @Test
    void theApisJsonWritesInstantsWithIt() throws Exception {
        assertThat(json.getSerializerProviderInstance().findValueSerializer(Instant.class)).isInstanceOf(InstantJson.class);
        assertThat(json.writeValueAsString(Instant.parse("2026-03-29T01:00:00.120Z"))).isEqualTo("\"2026-03-29T01:00:00.120Z\"");
    }
}
