package uk.london.victims.application.store;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoDatabase;

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

    /**
     * On the embedded store, a write sent with this is applied and answered at once; the next commit makes it
     * durable, and commits keep the order writes were applied in (ADR 0014).
     */
    public static final WriteConcern NOT_AWAITED = WriteConcern.ACKNOWLEDGED.withJournal(false);

    public boolean embedded() {
        return uri == null || uri.isBlank();
    }

    /**
     * The database for writes that the events redo if a crash loses them (read models and their processors'
     * tokens, ADR 0054): not waited for on the embedded store. Anywhere else they stay as durable as every other
     * write, since only the embedded store is known to read j:false as "commit with the next durable write".
     */
    public MongoDatabase forRebuildableWrites(MongoDatabase database) {
        return embedded() ? database.withWriteConcern(NOT_AWAITED) : database;
    }
}
