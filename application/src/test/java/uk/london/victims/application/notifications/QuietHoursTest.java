package uk.london.victims.application.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuietHoursTest {

    private final QuietHours quiet = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // winter (London = UTC)
            "2026-01-14T12:00:00Z, 2026-01-14T12:00:00Z",
            "2026-01-14T20:59:00Z, 2026-01-14T20:59:00Z",
            "2026-01-14T21:00:00Z, 2026-01-15T08:00:00Z",
            "2026-01-15T02:00:00Z, 2026-01-15T08:00:00Z",
            "2026-01-15T08:00:00Z, 2026-01-15T08:00:00Z",
            // summer (BST: 21:00 London is 20:00 UTC)
            "2026-07-14T19:59:00Z, 2026-07-14T19:59:00Z",
            "2026-07-14T20:30:00Z, 2026-07-15T07:00:00Z",
            // the night the clocks go forward: 08:00 BST on 29 March 2026 is 07:00 UTC
            "2026-03-28T23:00:00Z, 2026-03-29T07:00:00Z"
    })
    void textsWaitForTheEndOfQuietHoursLondonTime(String now, String sendable) {
        assertThat(quiet.nextSendable(Instant.parse(now))).isEqualTo(Instant.parse(sendable));
    }
}
