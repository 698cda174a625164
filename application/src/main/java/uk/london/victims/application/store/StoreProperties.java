package uk.london.victims.application.store;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the service keeps everything.
 *
 * @param uri           a MongoDB connection string ({@code MONGODB_URI}); blank starts the embedded store
 * @param database      the database holding events, tokens, sagas and read models
 * @param dataDirectory the embedded store's directory
 * @param embeddedPort  the embedded store's loopback port (0: any free port)
 * @param gapTimeout    how long a reserved event position may stay empty before readers void it
 * @param batchSize     events per fetch for processors and aggregate loading
 * @param housekeepingBytes each embedded store housekeeping run's share of bytes to rewrite (ADR 0046; chunks are never moved, ADR 0048)
 * @param housekeepingEvery the pause between the embedded store's housekeeping runs
 */
@ConfigurationProperties("vjt.store")
public record StoreProperties(String uri,
                              @DefaultValue("victims") String database,
                              @DefaultValue("./data") Path dataDirectory,
                              @DefaultValue("0") int embeddedPort,
                              @DefaultValue("10s") Duration gapTimeout,
                              @DefaultValue("100") int batchSize,
                              @DefaultValue("1MB") DataSize housekeepingBytes,
                              @DefaultValue("125ms") Duration housekeepingEvery) {

    public boolean embedded() {
        return uri == null || uri.isBlank();
    }
}
