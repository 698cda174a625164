package uk.london.victims.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.london.victims.application.store.IdempotentOutcome;
import uk.london.victims.application.store.MongoEventStorageEngine;
import uk.london.victims.application.store.RepeatedRequestException;
import uk.london.victims.application.store.StoreProperties;
import uk.london.victims.application.workload.Journey;
import uk.london.victims.application.workload.LondonWorkload;
import uk.london.victims.domain.geography.BasicCommandUnit;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.PersonalDataVault;
import uk.london.victims.domain.people.Sealed;

/**
 * {@code VJT_DEMO_DATA=sample}: a year of one BCU's cases from the benchmark's London workload generator, so
 * the review's figures and charts mean something. Loaded after the eight hand-written journeys, on a thread of
 * its own (the service is usable meanwhile; the log says when it starts and ends). Same seed, same day, same
 * cases: each step carries the idempotency key {@code sample/<case>/<n>}, so a start after a crash finishes
 * the sample without storing anything twice, like the journeys ({@link DemoData}).
 */
@Component
class SampleData {

    private static final Logger log = LoggerFactory.getLogger(SampleData.class);
    private static final long SEED = 20261127L;

    private final CommandGateway commands;
    private final MongoEventStorageEngine events;
    private final PersonalDataVault vault;
    private final StoreProperties store;
    private final Clock clock;
    private final int cases;
    private final BasicCommandUnit bcu;
    private final CompletableFuture<Integer> loaded = new CompletableFuture<>();

    SampleData(CommandGateway commands, MongoEventStorageEngine events, PersonalDataVault vault, StoreProperties store, Clock clock,
               @Value("${vjt.demo-sample.cases:2000}") int cases, @Value("${vjt.demo-sample.bcu:CENTRAL_EAST}") BasicCommandUnit bcu) {
        this.commands = commands;
        this.events = events;
        this.vault = vault;
        this.store = store;
        this.clock = clock;
        this.cases = cases;
        this.bcu = bcu;
    }

    /** How many cases the sample holds once loaded. */
    CompletableFuture<Integer> loaded() {
        return loaded;
    }

    void loadInTheBackground() {
        Thread loader = new Thread(() -> {
            try {
                loaded.complete(load());
            } catch (RuntimeException e) {
                log.error("Sample data: loading stopped; the next start carries on from where it stopped", e);
                loaded.completeExceptionally(e);
            }
        }, "sample-data");
        loader.setDaemon(true);
        loader.start();
    }

    private int load() {
        long started = System.nanoTime();
        // Reports over the year before today (UTC): a start later the same day makes the same cases.
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        LondonWorkload workload = new LondonWorkload(new LondonWorkload.Settings(SEED, today.minus(Duration.ofDays(366)),
                clock.instant(), "SAMPLE"));
        log.info("Sample data: loading {} cases of the {} BCU in the background (VJT_DEMO_DATA=sample)", cases, bcu.displayName());
        int loadedCases = 0;
        long sent = 0;
        while (loadedCases < cases) {
            Journey journey = workload.next();
            if (journey.borough().bcu() != bcu) {
                continue;
            }
            sent += send(journey);
            loadedCases++;
            if (loadedCases % 500 == 0) {
                log.info("Sample data: {} of {} cases", loadedCases, cases);
            }
        }
        log.info("Sample data: {} cases ready ({} commands sent now, {} s)", loadedCases, sent,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        return loadedCases;
    }

    /** Sends the journey's steps that no earlier start stored; returns how many it sent. */
    private int send(Journey journey) {
        int steps = journey.steps().size();
        long[] versions = new long[steps];
        Journey.Context context = new Journey.Context() {
            @Override
            public long versionAfter(int index) {
                return versions[index];
            }

            @Override
            public Sealed seal(PersonId person, String plaintext) {
                return vault.seal(person, plaintext);
            }
        };
        String prefix = "sample/" + journey.caseId().value() + "/";
        Optional<IdempotentOutcome> last = stored(prefix + (steps - 1));
        if (last.isPresent()) {
            return 0;
        }
        int sent = 0;
        for (int i = 0; i < steps; i++) {
            String key = prefix + i;
            Optional<IdempotentOutcome> earlier = stored(key);
            if (earlier.isPresent()) {
                versions[i] = earlier.get().version();
                continue;
            }
            try {
                Object version = commands.sendAndWait(GenericCommandMessage.asCommandMessage(journey.steps().get(i).command().apply(context))
                        .andMetaData(Map.of(MongoEventStorageEngine.IDEMPOTENCY_KEY, key)));
                versions[i] = version instanceof Number n ? n.longValue() : 0;
                sent++;
            } catch (RepeatedRequestException storedMeanwhile) {
                versions[i] = stored(key).orElseThrow(() -> storedMeanwhile).version();
            }
        }
        return sent;
    }

    private Optional<IdempotentOutcome> stored(String key) {
        return DemoData.storedOutcome(events, store, key);
    }
}
