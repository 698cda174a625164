package uk.london.victims.application.code;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The working-day calendar's bank holidays: the shipped copy, optionally refreshed from a GOV.UK-format feed.
 *
 * @param refreshUrl      where to fetch bank holidays from, e.g. {@code https://www.gov.uk/bank-holidays.json};
 *                        unset or empty, the shipped copy alone is used
 * @param refreshInterval how long to wait between fetches (the first is made at start-up); at least a minute
 */
@ConfigurationProperties("vjt.calendar")
public record CalendarProperties(String refreshUrl, @DefaultValue("24h") Duration refreshInterval) {

    static final Duration SHORTEST_REFRESH_INTERVAL = Duration.ofMinutes(1);

    public CalendarProperties {
        if (refreshInterval == null || refreshInterval.compareTo(SHORTEST_REFRESH_INTERVAL) < 0) {
            // Bank holidays change a few times a decade; anything more often only loads the publisher.
            throw new IllegalArgumentException("vjt.calendar.refresh-interval must be at least "
                    + SHORTEST_REFRESH_INTERVAL.toSeconds() + "s, not " + refreshInterval);
        }
        refreshUri(refreshUrl);
    }

    /** Empty when refreshing is off. */
    public Optional<URI> refreshUri() {
        return refreshUri(refreshUrl);
    }

    private static Optional<URI> refreshUri(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
                throw new IllegalArgumentException("vjt.calendar.refresh-url must be an http(s) URL, not " + url);
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("vjt.calendar.refresh-url is not a URL: " + url, e);
        }
    }
}
