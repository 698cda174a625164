package uk.london.victims.bench;

import uk.london.victims.application.workload.LondonWorkload;
import uk.london.victims.application.workload.Journey;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.micrometer.core.instrument.MeterRegistry;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import uk.london.victims.application.axon.ReadModelReplay;
import uk.london.victims.application.notifications.VictimNotifications;
import uk.london.victims.application.victims.RepeatVictimisation;
import uk.london.victims.application.store.MongoEventStorageEngine;
import uk.london.victims.application.store.MongoStoreConfiguration.StoreConnection;
import uk.london.victims.domain.geography.BasicCommandUnit;
import uk.london.victims.domain.people.PersonalDataVault;
import uk.london.victims.projections.ledger.FigureMembers;
import uk.london.victims.web.VictimJourneyTrackerApplication;
import uk.london.victims.web.history.HistoryImport;
import uk.london.victims.web.history.ImportCli;

/**
 * Every benchmark of issue 5, section 2, against the service running in this JVM on the embedded store,
 * with the raw driver baselines measured on the same store in the same run. Phases run in order on one
 * growing store: baselines, commands at small scale, bulk load to the target scale, commands at scale,
 * projection lag under a paced load, full replay, read latency, the Commissioner's review, memory.
 */
public final class Benchmark {

    /**
     * @param events      the store's target size in events (the bulk load stops there)
     * @param clients     concurrent command clients
     * @param lagRate     events per second for the projection-lag phase (10x London's peak)
     * @param lagSeconds  how long the paced load runs
     * @param readClients concurrent HTTP clients for the read-latency phase
     * @param readSeconds how long each read endpoint is loaded
     */
    /**
     * @param bcu one BCU that reports every case (a single force unit's years, issues 10 and 14), or null for all
     *            of London
     */
    public record Settings(long events, int clients, int lagRate, int lagSeconds, int readClients, int readSeconds,
                           Path dataDirectory, long seed, BasicCommandUnit bcu) {

        public Settings(long events, int clients, int lagRate, int lagSeconds, int readClients, int readSeconds,
                        Path dataDirectory, long seed) {
            this(events, clients, lagRate, lagSeconds, readClients, readSeconds, dataDirectory, seed, null);
        }
    }

    /**
     * From this size the history is imported in two parts and the ledger is measured after the first, at
     * 10/75 of the run: issue 10 compares the review at 10,000 and at 75,000 cases of one BCU.
     */
    static final long STAGED_FROM_EVENTS = 150_000;

    /** One named figure; {@code value} in the figure's own unit. */
    public record Figure(String name, double value, String unit) {
    }

    private static final String DATABASE = "victims";
    private static final Instant YEAR = Instant.parse("2025-01-01T00:00:00Z");
    /** Each review page is asked this many times; the worst is reported. */
    static final int REVIEW_REPEATS = 3;

    private final Settings settings;
    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final LongAdder rejected = new LongAdder();
    private final List<String> rejections = new ArrayList<>();
    private ConfigurableApplicationContext app;
    private MongoClient rawClient;
    private MongoDatabase database;
    private JourneySender sender;
    private MongoEventStorageEngine engine;
    private LondonWorkload workload;
    /** The ids of the cases sent so far (their journeys are not kept: at a million events they would fill the heap). */
    private final List<String> sent = new ArrayList<>();
    /** The cases the first reads asked for, asked for again at the end. */
    private List<String> smallReadCases = List.of();
    /** When the small command phase ended: a past "as known on" date for the Plan's measures. */
    private Instant pastInstant;

    private final List<String> serviceArguments;
    /** Off to keep the store as the run leaves it, read models caught up, for {@link #runLagOnly()} later. */
    private boolean replay = true;

    public Benchmark(Settings settings) {
        this(settings, List.of());
    }

    /** @param serviceArguments extra Spring Boot arguments for the service, e.g. {@code --vjt.notify.dispatch-every=1h} */
    public Benchmark(Settings settings, List<String> serviceArguments) {
        this.settings = settings;
        this.serviceArguments = List.copyOf(serviceArguments);
    }

    /** Skips the replay, which rebuilds every read model: the store is left caught up, to be measured again. */
    public Benchmark withoutReplay() {
        replay = false;
        return this;
    }

    public Map<String, Figure> figures() {
        return figures;
    }

    public List<String> notes() {
        return notes;
    }

    public long rejectedCommands() {
        return rejected.sum();
    }

    public ConfigurableApplicationContext app() {
        return app;
    }

    public void run() throws Exception {
        start();
        rawBaselines();
        commands("small", Math.min(10_000, settings.events() / 2));
        reads("small");
        if (settings.events() >= STAGED_FROM_EVENTS) {
            bulkImport("import.first.", settings.events() * 10 / 75);
        }
        ledger("small");
        pastInstant = Instant.now();
        bulkImport("import.", settings.events() - Math.min(5_000, settings.events() / 10));
        recentAsOf = asAsked(Instant.now());
        commands("large", Math.min(10_000, settings.events() / 10));
        projectionLag();
        // The reads and the review before the replay: at a million events the replay alone takes the better part
        // of an hour, and a run stopped there would report none of them.
        reads("large");
        review();
        if (replay) {
            replay();
        }
        storeSizes();
        memory();
    }

    /** Starts the service as it runs in production, on an embedded store in {@code dataDirectory}. */
    public void start() {
        app = new SpringApplicationBuilder(VictimJourneyTrackerApplication.class)
                // As arguments: default properties would lose to application.yml.
                .run(Stream.concat(Stream.of("--server.port=0", "--vjt.store.data-directory=" + settings.dataDirectory(),
                                "--vjt.demo-data=false", "--logging.level.root=WARN", "--logging.level.uk.london.victims=WARN",
                                "--axoniq.update-checker.disabled=true"),
                        Stream.concat(Stream.concat(StallWatch.SERVICE_ARGUMENTS.stream(), serviceArguments.stream()),
                                Arrays.stream(System.getProperty("bench.appArgs", "").split("\\s+")).filter(a -> !a.isBlank())))
                        .toArray(String[]::new));
        sender = new JourneySender(app.getBean(CommandGateway.class), app.getBean(PersonalDataVault.class));
        engine = app.getBean(MongoEventStorageEngine.class);
        rawClient = MongoClients.create(app.getBean(StoreConnection.class).connectionString());
        database = rawClient.getDatabase(DATABASE);
        workload = new LondonWorkload(new LondonWorkload.Settings(settings.seed(), YEAR,
                Instant.now().truncatedTo(ChronoUnit.DAYS), "SYN-" + settings.seed(), settings.bcu()));
    }

    public void stop() {
        if (rawClient != null) {
            rawClient.close();
        }
        if (app != null) {
            app.close();
        }
    }

    /** Single-document durable inserts in a loop, and a sequential read: what the store itself can do. */
    void rawBaselines() {
        MongoCollection<Document> raw = rawClient.getDatabase("bench_raw").getCollection("inserts");
        String padding = "x".repeat(900);  // about the size of a one-event commit document
        Histogram latency = new Histogram(3);
        int n = 0;
        long started = System.nanoTime();
        while (System.nanoTime() - started < 5_000_000_000L) {
            long t = System.nanoTime();
            raw.insertOne(new Document("_id", n++).append("p", padding));
            latency.recordValue(System.nanoTime() - t);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        figure("raw.insert_per_s", n / seconds, "inserts/s");
        percentiles("raw.insert", latency);
        raw.drop();
    }

    /**
     * The bulk history through the history import (issue 14), as a force would load its years of cases: the
     * journeys written as an import file, applied with the read models' processors paused, which then catch
     * up from the event store. Import events/s is set beside the command path's from the same run.
     */
    void bulkImport(String prefix, long targetPosition) throws Exception {
        Path file = Files.createTempFile(settings.dataDirectory().getParent(), "vjt-bench-history-", ".ndjson");
        long wanted = Math.max(100, targetPosition - engine.lastReservedPosition());
        HistoryFile writer = new HistoryFile();
        List<String> bulk = new ArrayList<>();
        long lines = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            while (lines < wanted) {
                Journey journey = workload.next();
                bulk.add(journey.caseId().value());
                for (String line : writer.lines(journey)) {
                    out.write(line);
                    out.write('\n');
                    lines++;
                }
            }
        }
        synchronized (sent) {
            sent.addAll(bulk);
        }
        figure(prefix + "cases", bulk.size(), "cases");
        figure(prefix + "lines_per_case", (double) lines / bulk.size(), "lines");
        long started = System.nanoTime();
        List<EventProcessor> paused = ImportCli.pauseProcessors(app.getBean(EventProcessingConfiguration.class));
        HistoryImport.Summary summary;
        try (ImportCli.TerminalProgress progress = new ImportCli.TerminalProgress()) {
            summary = app.getBean(HistoryImport.class).run(file, HistoryImport.Options.defaults(), progress);
        }
        figure(prefix + "events", summary.events(), "events");
        figure(prefix + "seconds", summary.took().toNanos() / 1e9, "s");
        figure(prefix + "events_per_s", summary.eventsPerSecond(), "events/s");
        figure(prefix + "rejected_lines", summary.rejected(), "lines");
        summary.rejections().stream().limit(5).forEach(r -> notes.add("import rejected line " + r.line() + " (" + r.caseId()
                + "): " + r.reason()));
        long catchUp = System.nanoTime();
        paused.forEach(EventProcessor::start);
        awaitCaughtUp(processors(true), Duration.ofHours(6));
        double catchUpSeconds = (System.nanoTime() - catchUp) / 1e9;
        figure(prefix + "catch_up_seconds", catchUpSeconds, "s");
        figure(prefix + "catch_up_events_per_s", summary.events() / catchUpSeconds, "events/s");
        figure(prefix.replace("import.", "bulk.") + "events_per_s", summary.events() / ((System.nanoTime() - started) / 1e9), "events/s");
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".checkpoint"));
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".rejected.ndjson"));
    }

    /** Journeys from 8 (or {@code clients}) concurrent clients; throughput and per-command latency. */
    void commands(String label, long events) {
        long before = engine.lastReservedPosition();
        Histogram latency = new ConcurrentHistogram(3);
        List<Journey> journeys = nextJourneys(events / 10);
        ThreadCpu cpu = ThreadCpu.start();
        StoreWrites writes = StoreWrites.start(app.getBean(MeterRegistry.class));
        long started = System.nanoTime();
        long commands = runJourneys(journeys, settings.clients(), latency);
        double seconds = (System.nanoTime() - started) / 1e9;
        figure("commands." + label + ".per_s", commands / seconds, "commands/s");
        figure("commands." + label + ".events_per_s", (engine.lastReservedPosition() - before) / seconds, "events/s");
        figure("commands." + label + ".store_events_before", before, "events");
        percentiles("commands." + label, latency);
        // The processors finish the phase's events before their CPU is read: a cost per event, not a rate.
        awaitCaughtUp(processors(true), Duration.ofMinutes(10));
        cpuPerEvent("commands." + label, cpu, engine.lastReservedPosition() - before);
        storeWritesPerEvent("commands." + label, writes, engine.lastReservedPosition() - before);
    }

    /** The store's writes of a phase per 1,000 events, by collection: how many, and ms applying them ({@link StoreWrites}). */
    private void storeWritesPerEvent(String phase, StoreWrites writes, long events) {
        if (events <= 0) {
            return;
        }
        writes.byCollection().forEach((collection, w) -> {
            figure(phase + ".store_writes." + collection + ".per_1k_events", w[0] * 1000 / events, "writes");
            figure(phase + ".store_writes." + collection + ".ms_per_1k_events", w[1] * 1000 / events, "ms");
        });
    }

    /** CPU ms per 1,000 events of a phase, by group of threads ({@link ThreadCpu}). */
    private void cpuPerEvent(String phase, ThreadCpu cpu, long events) {
        if (events <= 0) {
            return;
        }
        cpu.msByGroup().forEach((group, ms) -> figure(phase + ".cpu." + group + ".ms_per_1k_events", ms * 1000 / events, "ms"));
    }

    /** The review read while the lag is measured, and its failures. */
    private Histogram lagReviewReads;
    private AtomicLong lagReviewErrors;
    /** The busiest BCU when the ledger was first measured: its year's review is read during the lag phase. */
    private String ledgerBcu;

    /** Paced load at {@code lagRate} events/s; lag = acknowledgement to every projection having the event. */
    void projectionLag() throws Exception {
        List<PooledStreamingEventProcessor> processors = processors(true);
        awaitCaughtUp(processors, Duration.ofMinutes(10));
        StallWatch stalls = StallWatch.start(app.getBean(MeterRegistry.class));
        ThreadCpu cpu = ThreadCpu.start();
        StoreWrites writes = StoreWrites.start(app.getBean(MeterRegistry.class));
        long positionBefore = engine.lastReservedPosition();
        // One queue per processor, so the slowest one can be named; "lag" itself is the slowest of all.
        Map<String, Histogram> lagOf = new LinkedHashMap<>();
        Map<String, ConcurrentLinkedQueue<long[]>> pendingOf = new LinkedHashMap<>();
        for (PooledStreamingEventProcessor processor : processors) {
            lagOf.put(processor.getName(), new ConcurrentHistogram(3));
            pendingOf.put(processor.getName(), new ConcurrentLinkedQueue<>());
        }
        Histogram lag = new ConcurrentHistogram(3);
        ConcurrentLinkedQueue<long[]> pending = new ConcurrentLinkedQueue<>();
        AtomicLong sentCommands = new AtomicLong();
        AtomicLong projectedByAck = new AtomicLong();
        int threads = 4;
        long intervalNanos = 1_000_000_000L * threads / settings.lagRate();
        long end = System.nanoTime() + settings.lagSeconds() * 1_000_000_000L;
        List<Journey> journeys = nextJourneys((long) settings.lagRate() * settings.lagSeconds() / 8 + 50);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        ExecutorService readerPool = Executors.newSingleThreadExecutor();
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                senders.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        int index = next.getAndIncrement();
                        if (index >= journeys.size()) {
                            return;
                        }
                        Journey journey = journeys.get(index);
                        try {
                            sender.send(journey, nanos -> {
                                long[] sample = {engine.lastReservedPosition(), System.nanoTime()};
                                pending.add(sample);
                                pendingOf.values().forEach(q -> q.add(sample));
                                sentCommands.incrementAndGet();
                            }, () -> {
                                long wait = due(intervalNanos);
                                if (wait > 0) {
                                    sleepNanos(wait);
                                }
                            });
                        } catch (RuntimeException e) {
                            reject(journey, e);
                        }
                    }
                }));
            }
            // Issue 10: the ledger must keep up while the review is read, so one reader asks for it throughout.
            Histogram reviewReads = new ConcurrentHistogram(3);
            AtomicLong reviewErrors = new AtomicLong();
            Future<?> reader = readerPool.submit(() -> {
                try {
                    String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    String token = token(http, base, "COMMISSIONER");
                    URI review = URI.create(base + "/api/review?groupBy=RIGHT&from=" + YEAR + "&to=" + YEAR.plus(Duration.ofDays(365))
                            + (ledgerBcu == null ? "" : "&bcu=" + ledgerBcu.replace(" ", "%20")));
                    while (System.nanoTime() < end) {
                        long t = System.nanoTime();
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(review).header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofMinutes(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
                        reviewReads.recordValue(System.nanoTime() - t);
                        if (response.statusCode() != 200) {
                            reviewErrors.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    notes.add("lag: the review reader failed: " + e);
                }
                return null;
            });
            lagReviewReads = reviewReads;
            lagReviewErrors = reviewErrors;
            Future<?> monitor = pool.submit(() -> {
                while (System.nanoTime() < end + 30_000_000_000L) {
                    // Positions first, then the time: a sample enqueued after the time was read but whose event
                    // the processors already had would otherwise give a negative lag (the crash at 30k events).
                    long position = position(processors);
                    Map<String, Long> positionOf = new LinkedHashMap<>();
                    processors.forEach(p -> positionOf.put(p.getName(), position(List.of(p))));
                    long now = System.nanoTime();
                    drain(pending, position, now, lag, projectedByAck);
                    for (PooledStreamingEventProcessor processor : processors) {
                        drain(pendingOf.get(processor.getName()), positionOf.get(processor.getName()), now,
                                lagOf.get(processor.getName()), new AtomicLong());
                    }
                    if (now > end && pending.isEmpty()) {
                        return;
                    }
                    sleepNanos(2_000_000);
                }
            });
            for (Future<?> f : senders) {
                f.get();
            }
            monitor.get();
            reader.get();
        } finally {
            pool.shutdownNow();
            readerPool.shutdownNow();
        }
        // Every event of the phase has reached every processor (the monitor waited for them), the review reader's
        // CPU counted under "other" with the bench's own threads.
        cpuPerEvent("lag", cpu, engine.lastReservedPosition() - positionBefore);
        storeWritesPerEvent("lag", writes, engine.lastReservedPosition() - positionBefore);
        percentiles("lag.review_reads", lagReviewReads);
        figure("lag.review_reads.non_200", lagReviewErrors.get(), "responses");
        figure("lag.rate_target", settings.lagRate(), "events/s");
        figure("lag.rate_achieved", sentCommands.get() / (double) settings.lagSeconds(), "events/s");
        percentiles("lag", lag);
        figure("lag.projected_before_ack", projectedByAck.get(), "commands");
        lagOf.forEach((name, histogram) -> figure("lag." + name + ".p99_ms", histogram.getValueAtPercentile(99) / 1e6, "ms"));
        stalls.figures().forEach((name, value) -> figure("lag.stalls." + name, value, name.endsWith("_ms") ? "ms" : name.endsWith("share") ? "" : "times"));
    }

    /**
     * Only the paced load and its lag, on a store a stopped run left behind ({@code -Dbench.phases=lag}): the lag at a
     * million events can then be measured again in minutes rather than after the better part of an hour's import.
     * The journeys need a seed the store has not seen, or every case would already exist.
     */
    public void runLagOnly() throws Exception {
        start();
        ledgerBcu = settings.bcu() == null ? null : settings.bcu().code();
        figure("store.events_before", engine.lastReservedPosition(), "events");
        stopProcessors();
        commands("large", Math.min(10_000, settings.events() / 10));
        projectionLag();
    }

    /**
     * Stops the processors named in {@code -Dbench.stopped} (comma-separated) for the rest of the run, so that what one
     * read model's work costs the others' lag can be measured on one store (issue 10); their lag is then not measured.
     */
    private void stopProcessors() {
        List<String> names = Arrays.stream(System.getProperty("bench.stopped", "").split(",")).map(String::trim)
                .filter(n -> !n.isEmpty()).toList();
        for (String name : names) {
            PooledStreamingEventProcessor processor = processors(true).stream().filter(p -> p.getName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("bench.stopped: no processor " + name));
            processor.shutDown();
            notes.add("lag: processor " + name + " stopped for this run (bench.stopped)");
        }
        figure("lag.stopped_processors", names.size(), "processors");
    }

    /**
     * Only the replay, on a kept store (caught up, as {@code noreplay} leaves one): every read model rebuilt and
     * compared with the live one, in a tenth of a full run's time, so that a change to the replay can be measured
     * at a million events.
     */
    public void runReplayOnly() throws Exception {
        start();
        figure("store.events_before", engine.lastReservedPosition(), "events");
        replay();
    }

    /**
     * Each read model rebuilt alone, one after another, then all together as {@link #runReplayOnly} does, on a kept
     * store ({@code -Dbench.phases=replay-each}): how a replay's time divides between the processors, in one run
     * (issue 14). Each is replayed the production way (its tokens reset, its reset handler run), with the service's
     * actors held back.
     */
    public void runReplayEachOnly() throws Exception {
        start();
        figure("store.events_before", engine.lastReservedPosition(), "events");
        replayEach();
        replay();
    }

    /** Each read model rebuilt alone, one after another: {@code replay.alone.PROCESSOR.*}. */
    void replayEach() throws Exception {
        ReadModelReplay replay = app.getBean(ReadModelReplay.class);
        List<PooledStreamingEventProcessor> processors = pooled(replay);
        awaitCaughtUp(processors, Duration.ofMinutes(10));
        long events = storedEvents();
        try (AutoCloseable held = replay.hold()) {
            for (PooledStreamingEventProcessor processor : processors) {
                long started = System.nanoTime();
                processor.shutDown();
                processor.resetTokens();
                processor.start();
                awaitCaughtUp(List.of(processor), Duration.ofHours(2));
                double seconds = (System.nanoTime() - started) / 1e9;
                figure("replay.alone." + processor.getName() + ".seconds", seconds, "s");
                figure("replay.alone." + processor.getName() + ".events_per_s", events / seconds, "events/s");
            }
        }
    }

    /** The processors a replay rebuilds, as the pooled processors they are here. */
    private static List<PooledStreamingEventProcessor> pooled(ReadModelReplay replay) {
        return replay.replayable().stream()
                .filter(PooledStreamingEventProcessor.class::isInstance).map(PooledStreamingEventProcessor.class::cast).toList();
    }

    /**
     * Records the lag of every sample whose event the processors have. {@code now} is read after
     * {@code position}, so a sample stamped after {@code now} was acknowledged to its client only after the
     * processors already had its event: its lag (acknowledgement to projection) is zero, and it is counted
     * in {@code projectedBeforeAck} so the figure says how often that happened.
     */
    private static void drain(ConcurrentLinkedQueue<long[]> queue, long position, long now, Histogram into,
                              AtomicLong projectedBeforeAck) {
        long[] head;
        while ((head = queue.peek()) != null && head[0] <= position) {
            queue.poll();
            long lag = now - head[1];
            if (lag < 0) {
                projectedBeforeAck.incrementAndGet();
                lag = 0;
            }
            into.recordValue(lag);
        }
    }

    private final ThreadLocal<long[]> pace = ThreadLocal.withInitial(() -> new long[] {System.nanoTime()});

    /** Nanoseconds to wait so this thread sends one command per {@code interval}. */
    private long due(long interval) {
        long[] next = pace.get();
        next[0] += interval;
        return next[0] - System.nanoTime();
    }

    /**
     * All read models rebuilt from the first event, timed, against a raw sequential read of the events. The
     * service's actors are held back throughout ({@link ReadModelReplay#hold}), so no event is appended
     * between the snapshot of the live read models and the comparison: equal or not, the verdict is conclusive.
     */
    void replay() throws Exception {
        ReadModelReplay replay = app.getBean(ReadModelReplay.class);
        List<PooledStreamingEventProcessor> processors = pooled(replay);
        awaitCaughtUp(processors, Duration.ofMinutes(10));

        long started = System.nanoTime();
        long read = 0;
        for (List<Document> commits : commitPages(null)) {
            for (Document commit : commits) {
                read += commit.getBoolean("void", false) ? 0 : commit.get("n", Number.class).longValue();
            }
        }
        double rawSeconds = (System.nanoTime() - started) / 1e9;
        figure("raw.read_events_per_s", read / rawSeconds, "events/s");

        try (AutoCloseable held = replay.hold()) {
            // A delivery already under way when the hold began may still append its evidence: take the
            // snapshot again until no event arrived while it was taken.
            Map<String, Map<String, String>> live;
            String liveMeasures;
            String measuresAsOf;
            long positions;
            long events;
            do {
                positions = engine.lastReservedPosition();
                awaitCaughtUp(processors, Duration.ofMinutes(10));
                events = storedEvents();
                live = new LinkedHashMap<>();
                // The ledger's figures too: rebuilt from the events they must be the same (issue 10).
                for (String collection : List.of("case_summaries", "case_timelines", "portal_access", "obligation_ledger",
                        "obligation_facts", "obligation_figures", "obligation_figure_history")) {
                    live.put(collection, readModel(collection));
                }
                // The Plan measures' documents hold sets whose order follows delivery; their answer is what must
                // not change.
                measuresAsOf = Instant.now().toString();
                liveMeasures = planMeasures(measuresAsOf);
            } while (engine.lastReservedPosition() != positions);

            started = System.nanoTime();
            replay.replayAll();
            awaitCaughtUp(processors, Duration.ofHours(2));
            double seconds = (System.nanoTime() - started) / 1e9;
            figure("replay.events", events, "events");
            figure("replay.positions", positions, "positions");
            figure("replay.seconds", seconds, "s");
            figure("replay.events_per_s", events / seconds, "events/s");
            figure("replay.processors", processors.size(), "processors");
            long appended = engine.lastReservedPosition() - positions;
            figure("replay.events_appended_meanwhile", appended, "events");
            boolean equal = live.entrySet().stream().allMatch(e -> readModel(e.getKey()).equals(e.getValue()));
            figure("replay.read_models_equal", equal ? 1 : 0, "boolean");
            figure("replay.plan_measures_equal", liveMeasures.equals(planMeasures(measuresAsOf)) ? 1 : 0, "boolean");
            if (appended > 0) {
                notes.add("replay: " + appended + " events were appended while the service's actors were held back; "
                          + "the comparison is inconclusive");
            }
        }
    }

    /**
     * Average stored size per document of each collection, from a sample, for docs/scaling.md; and the store
     * file against the live documents it holds (every collection: documents only, no index), issue 14.
     */
    void storeSizes() throws IOException {
        List<String> named = List.of("events", "event_streams", "snapshots", "case_summaries", "case_timelines",
                "tracking_tokens", "notification_outbox", "audit_log", "personal_data_keys", "plan_measure_cases", "plan_measure_days",
                "plan_measure_victims", "plan_measure_summaries");
        double liveBytes = 0;
        for (String collection : database.listCollectionNames()) {
            MongoCollection<RawBsonDocument> raw = database.getCollection(collection, RawBsonDocument.class);
            long bytes = 0;
            int n = 0;
            for (RawBsonDocument doc : raw.find().limit(5_000).batchSize(1_000)) {
                bytes += doc.getByteBuffer().remaining();
                n++;
            }
            if (n > 0) {
                long count = raw.estimatedDocumentCount();
                liveBytes += bytes / (double) n * count;
                if (named.contains(collection)) {
                    figure("size." + collection + ".avg_bytes", bytes / (double) n, "bytes");
                    figure("size." + collection + ".count", count, "documents");
                }
            }
        }
        Path file = settings.dataDirectory().resolve("store.mv.db");
        if (Files.exists(file)) {
            long fileBytes = Files.size(file);
            figure("size.store_file_mb", fileBytes / 1e6, "MB");
            figure("size.live_documents_mb", liveBytes / 1e6, "MB");
            figure("size.file_per_live_documents", fileBytes / liveBytes, "ratio");
            figure("size.file_bytes_per_event", fileBytes / (double) storedEvents(), "bytes");
            var embedded = app.getBean(StoreConnection.class).embedded();
            if (embedded != null) {
                Map<String, String> stats = embedded.statistics();
                figure("size.mvstore_chunks_fill_percent", Double.parseDouble(stats.getOrDefault("info.CHUNKS_FILL_RATE", "NaN")), "%");
                figure("size.mvstore_file_fill_percent", Double.parseDouble(stats.getOrDefault("info.FILL_RATE", "NaN")), "%");
                figure("size.mvstore_cache_mb", Double.parseDouble(stats.getOrDefault("info.CACHE_MAX_SIZE", "NaN")), "MB");
            }
        }
    }

    /** Client counts the case and timeline GETs are measured with (issue 14 asks for p50/p99 at 10 and 100). */
    static final int FEW_READ_CLIENTS = 10;

    /**
     * Timeline and agency case GET through HTTP on loopback, from {@link #FEW_READ_CLIENTS} and from
     * {@code readClients} concurrent clients: once after the first commands ({@code small}, about 10,000 events
     * stored), of the cases created so far; and once at the end ({@code large}), of every case sent by then (most of
     * them imported, with longer timelines, spread over the whole store), and again at {@link #FEW_READ_CLIENTS}
     * of the small phase's own cases ({@code large.same}). That last is the same requests with the same answers a
     * hundred times further into the store, so it alone shows whether a GET's cost grows with history (issue 14's
     * "flat cost"); the first is what a user reading any case meets.
     */
    void reads(String scale) throws Exception {
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).build();
        String token = token(http, base, "ADMIN");
        List<String> cases = List.copyOf(sent);
        if (smallReadCases.isEmpty()) {
            smallReadCases = cases;
        } else {
            readBoth(http, base, token, "read." + scale + ".same", smallReadCases, FEW_READ_CLIENTS);
        }
        for (int clients : new java.util.TreeSet<>(List.of(FEW_READ_CLIENTS, settings.readClients()))) {
            readBoth(http, base, token, "read." + scale, cases, clients);
        }
        figure("read." + scale + ".commands_before", sent.size(), "cases created by commands");
    }

    private void readBoth(HttpClient http, String base, String token, String prefix, List<String> cases, int clients) throws Exception {
        read(http, prefix + ".case." + clients + "c", token,
                () -> base + "/api/cases/" + cases.get((int) (Math.random() * cases.size())), clients, settings.readSeconds());
        read(http, prefix + ".timeline." + clients + "c", token,
                () -> base + "/api/cases/" + cases.get((int) (Math.random() * cases.size())) + "/timeline", clients,
                settings.readSeconds());
    }

    private void read(HttpClient http, String name, String token, Supplier<String> uri, int readClients, int readSeconds)
            throws Exception {
        Histogram latency = new ConcurrentHistogram(3);
        LongAdder errors = new LongAdder();
        long end = System.nanoTime() + readSeconds * 1_000_000_000L;
        ExecutorService clients = Executors.newFixedThreadPool(readClients);
        LongAdder requests = new LongAdder();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < readClients; c++) {
                done.add(clients.submit(() -> {
                    while (System.nanoTime() < end) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(uri.get())).header("Authorization", "Bearer " + token)
                                .header("X-Purpose", "benchmark").timeout(Duration.ofSeconds(30)).GET().build();
                        long t = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        latency.recordValue(System.nanoTime() - t);
                        requests.increment();
                        if (response.statusCode() != 200) {
                            errors.increment();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
        figure(name + ".requests_per_s", requests.sum() / (double) readSeconds, "requests/s");
        figure(name + ".non_200", errors.sum(), "responses");
        percentiles(name, latency);
    }

    /**
     * The Commissioner's review JSON for the generated year, grouped by BCU and by right; and the Plan's
     * measures for the year, for one month of it (their cost follows the period), and for the year as
     * known when the small command phase ended (a past "as known on" date).
     */
    void review() throws Exception {
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = token(http, base, "COMMISSIONER");
        String period = "from=" + YEAR + "&to=" + YEAR.plus(Duration.ofDays(365));
        String month = "from=2025-06-01T00:00:00Z&to=2025-07-01T00:00:00Z";
        String pastAsOf = "&asOf=" + (pastInstant == null ? YEAR : pastInstant);
        for (String[] page : List.of(new String[] {"review.by_bcu", "/api/review?groupBy=BCU&" + period},
                new String[] {"review.by_right", "/api/review?" + period},
                new String[] {"review.plan_measures", "/api/review/plan-measures?" + period},
                new String[] {"review.plan_measures_month", "/api/review/plan-measures?" + month},
                new String[] {"review.plan_measures_as_known_earlier", "/api/review/plan-measures?" + period + pastAsOf})) {
            Histogram latency = timedGets(http, base + page[1], token, REVIEW_REPEATS, page[0]);
            figure(page[0] + ".max_ms", latency.getMaxValue() / 1e6, "ms");
            figure(page[0] + ".p50_ms", latency.getValueAtPercentile(50) / 1e6, "ms");
        }
        figure("review.cases_in_year", database.getCollection("case_summaries").estimatedDocumentCount(), "cases");
        ledger("large");
    }

    /** One GET asked {@code repeats} times in a row, timed; an answer other than 200 is noted under {@code name}. */
    private Histogram timedGets(HttpClient http, String url, String token, int repeats, String name) throws Exception {
        Histogram latency = new Histogram(3);
        // At a million events a slow read asked twenty times could take the run's whole hour: after a minute
        // the samples taken so far are reported (their count says how many).
        long budgetEnds = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        for (int i = 0; i < repeats && (i == 0 || System.nanoTime() < budgetEnds); i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofMinutes(5)).GET().build();
            long t = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.net.http.HttpTimeoutException e) {
                notes.add(name + " took more than 5 minutes; not asked again");
                latency.recordValue(System.nanoTime() - t);
                break;
            }
            latency.recordValue(System.nanoTime() - t);
            if (response.statusCode() != 200) {
                notes.add(name + " answered " + response.statusCode() + ": " + response.body());
            }
        }
        return latency;
    }

    /** Each ledger read is asked this many times; percentiles are reported. */
    static final int LEDGER_REPEATS = 20;
    /** An instant while the store was being loaded, for the review "as known" then. */
    private Instant pastAsOf;
    /**
     * An instant after the last import, before the last commands: the review as known then is the common case of a
     * past date (few days of the period changed since), where {@link #pastAsOf} is the worst (nearly all changed).
     */
    private Instant recentAsOf;

    /**
     * An instant as a reviewer asks for it: to the minute (the review page asks for a date). A past-date review reads
     * the cases' ledgers for a day changed within the minute asked both before and after the instant (ADR 0042); at
     * this benchmark's import rate that would be every day whenever an import began in the same minute.
     */
    private static Instant asAsked(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES);
    }

    /**
     * The obligation ledger's reads (issue 10): the review of the busiest BCU's year as known now (stored
     * figures) and as known at an earlier instant of this run (ledger records), a two-way breakdown, and one
     * agency's work list from 20 concurrent readers. Run at the small scale and at the large one, so the
     * review's time can be compared between them.
     */
    void ledger(String scale) throws Exception {
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).build();
        awaitLedger();
        Map<String, Long> casesByBcu = new TreeMap<>();
        for (Document summary : database.getCollection("case_summaries").find().projection(new Document("bcu", 1)).batchSize(500)) {
            if (summary.getString("bcu") != null) {
                casesByBcu.merge(summary.getString("bcu"), 1L, Long::sum);
            }
        }
        String bcu = casesByBcu.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("CE");
        ledgerBcu = bcu;
        figure("ledger." + scale + ".bcu_cases", casesByBcu.getOrDefault(bcu, 0L), "cases");
        figure("ledger." + scale + ".all_cases", casesByBcu.values().stream().mapToLong(Long::longValue).sum(), "cases");
        if (pastAsOf == null) {
            pastAsOf = asAsked(Instant.now());
        }
        String token = token(http, base, "COMMISSIONER");
        String period = "from=" + YEAR + "&to=" + YEAR.plus(Duration.ofDays(365)) + "&bcu=" + bcu;
        String[][] pages = {{"review_now", "/api/review?groupBy=RIGHT&" + period},
                {"review_two_way", "/api/review?groupBy=AGENCY&thenBy=RIGHT&" + period},
                {"review_past", "/api/review?groupBy=RIGHT&asOf=" + pastAsOf + "&" + period},
                {"review_past_recent", "/api/review?groupBy=RIGHT&asOf=" + (recentAsOf == null ? pastAsOf : recentAsOf) + "&" + period}};
        for (String[] page : pages) {
            String name = "ledger." + scale + "." + page[0];
            percentiles(name, timedGets(http, base + page[1], token, LEDGER_REPEATS, name));
        }
        // A unit's work list: the police of the busiest BCU.
        read(http, "ledger." + scale + ".work_list", token(http, base, "ADMIN"),
                () -> base + "/api/work-list?agency=POLICE&bcu=" + bcu.replace(" ", "%20"), 20, Math.min(10, settings.readSeconds()));
        // Figures, shared by a day's cases in a BCU, must stay far below MongoDB's 16 MB at London's volume: the
        // largest, with the cases of its day, from which the size at 75,000 cases a year in one BCU is estimated.
        // Work list items and deadlines are one per obligation (ADR 0038): their sizes should not move with scale.
        for (String collection : List.of("obligation_figures", "obligation_figure_history", "obligation_open_items",
                "obligation_due_items")) {
            long count = 0;
            long largest = 0;
            long total = 0;
            int members = 0;
            for (Document document : byId(collection)) {
                long bytes = document.toJson().length();
                count++;
                total += bytes;
                if (bytes > largest) {
                    largest = bytes;
                    members = FigureMembers.count(document.get("members"));
                }
            }
            String name = "ledger." + scale + "." + collection.replace("obligation_", "");
            figure(name + ".documents", count, "documents");
            figure(name + ".largest_bytes", largest, "bytes (JSON)");
            figure(name + ".avg_bytes", count == 0 ? 0 : total / (double) count, "bytes (JSON)");
            if (collection.equals("obligation_figures")) {
                figure(name + ".largest_cases", members, "cases");
            }
        }
    }

    /** Until the ledger processor has applied every case's last event (its documents' versions equal the summaries'). */
    private void awaitLedger() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Long> versions = new HashMap<>();
            database.getCollection("case_timelines").find().projection(new Document("version", 1)).batchSize(1000)
                    .forEach(d -> versions.put(d.getString("_id"), d.get("version", Number.class).longValue()));
            database.getCollection("obligation_ledger").find().projection(new Document("version", 1)).batchSize(1000)
                    .forEach(d -> {
                        if (versions.getOrDefault(d.getString("_id"), -1L) <= d.get("version", Number.class).longValue()) {
                            versions.remove(d.getString("_id"));
                        }
                    });
            if (versions.isEmpty()) {
                return;
            }
            Thread.sleep(500);
        }
        notes.add("the obligation ledger had not caught up with the timelines after 10 minutes");
    }

    /** The Plan's measures for the generated year as known at {@code asOf}, as the API answers them. */
    String planMeasures(String asOf) throws Exception {
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = token(http, base, "COMMISSIONER");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/review/plan-measures?from=" + YEAR + "&to="
                        + YEAR.plus(Duration.ofDays(365)) + "&asOf=" + asOf)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(5)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("plan measures answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    void memory() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        figure("memory.heap_used_mb", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6, "MB");
        figure("memory.heap_max_mb", Runtime.getRuntime().maxMemory() / 1e6, "MB");
        figure("store.events", storedEvents(), "events");
        figure("store.cases", database.getCollection("case_summaries").estimatedDocumentCount(), "cases");
        figure("rejected_commands", rejected.sum(), "commands");
    }

    // ------------------------------------------------------------------------------------------ helpers

    List<Journey> nextJourneys(long count) {
        List<Journey> journeys = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            journeys.add(workload.next());
        }
        return journeys;
    }

    /** Sends journeys from {@code threads} clients, each taking whole journeys; the number of commands sent. */
    long runJourneys(List<Journey> journeys, int threads, Histogram latency) {
        AtomicInteger next = new AtomicInteger();
        LongAdder commands = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    int index;
                    while ((index = next.getAndIncrement()) < journeys.size()) {
                        Journey journey = journeys.get(index);
                        try {
                            sender.send(journey, nanos -> {
                                commands.increment();
                                if (latency != null) {
                                    latency.recordValue(nanos);
                                }
                            }, () -> { });
                        } catch (RuntimeException e) {
                            reject(journey, e);
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
        synchronized (sent) {
            journeys.forEach(j -> sent.add(j.caseId().value()));
        }
        return commands.sum();
    }

    private void reject(Journey journey, RuntimeException e) {
        rejected.increment();
        synchronized (rejections) {
            if (rejections.size() < 5) {
                rejections.add(journey.caseId() + " (" + journey.outcome() + "): " + e);
                System.err.println("rejected: " + journey.caseId() + " " + e);
            }
        }
    }

    /** The event store's last reserved position: about the number of events stored. */
    long lastPosition() {
        return engine.lastReservedPosition();
    }

    public List<String> rejections() {
        return rejections;
    }

    /**
     * The streaming processors that keep read models (replayable), plus, when asked, the processes that act
     * and are never replayed (notifications, finding repeat victims).
     */
    List<PooledStreamingEventProcessor> processors(boolean withNotifications) {
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        return processing.eventProcessors().values().stream()
                .filter(PooledStreamingEventProcessor.class::isInstance).map(PooledStreamingEventProcessor.class::cast)
                .filter(PooledStreamingEventProcessor::isRunning)
                .filter(p -> withNotifications || !(p.getName().equals(VictimNotifications.PROCESSING_GROUP)
                                                    || p.getName().equals(RepeatVictimisation.PROCESSING_GROUP)))
                .toList();
    }

    /** The lowest position every segment of every processor has handled. */
    private static long position(List<PooledStreamingEventProcessor> processors) {
        long lowest = Long.MAX_VALUE;
        for (PooledStreamingEventProcessor processor : processors) {
            var status = processor.processingStatus();
            if (status.isEmpty()) {
                return -1;
            }
            for (var segment : status.values()) {
                lowest = Math.min(lowest, segment.getCurrentPosition().orElse(-1));
            }
        }
        return lowest;
    }

    private void awaitCaughtUp(List<PooledStreamingEventProcessor> processors, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            long head = engine.lastReservedPosition();
            if (processors.stream().noneMatch(PooledStreamingEventProcessor::isReplaying) && position(processors) >= head
                && processors.stream().allMatch(p -> p.processingStatus().values().stream().allMatch(s -> s.isCaughtUp()))) {
                return;
            }
            sleepNanos(5_000_000);
        }
        throw new IllegalStateException("processors did not catch up within " + atMost);
    }

    private long storedEvents() {
        long count = 0;
        for (List<Document> commits : commitPages(new Document("n", 1).append("void", 1))) {
            for (Document commit : commits) {
                count += commit.getBoolean("void", false) ? 0 : commit.get("n", Number.class).longValue();
            }
        }
        return count;
    }

    /*
     * Whole collections are read a page at a time, and counted by the collection's count, not countDocuments (an
     * aggregation): the embedded server builds a find's or an aggregation's whole answer in memory before it sends
     * the first batch (mongo-java-server), so at a million events the benchmark's own unbounded reads and counts of
     * the events and the read models ran the service out of its 1 GB heap.
     */

    /** The event store's commit documents, 1,000 positions at a time by {@code _id}, as the store's readers fetch them. */
    private Iterable<List<Document>> commitPages(Document projection) {
        long last = engine.lastReservedPosition();
        MongoCollection<Document> events = database.getCollection("events");
        return () -> new Iterator<>() {
            long next = 1;

            public boolean hasNext() {
                return next <= last;
            }

            public List<Document> next() {
                List<Long> positions = LongStream.range(next, Math.min(last + 1, next + 1_000)).boxed().toList();
                next += positions.size();
                return events.find(Filters.in("_id", positions)).projection(projection).into(new ArrayList<>());
            }
        };
    }

    /**
     * Every document of a read model, in {@code _id} order, read 1,000 at a time as the iteration goes: a range of
     * text ids with a limit stops early on the embedded store (ADR 0038). A count that differs from the collection's
     * (ids that are not text, or documents written meanwhile) is noted in the report.
     */
    private Iterable<Document> byId(String collection) {
        MongoCollection<Document> documents = database.getCollection(collection);
        return () -> new Iterator<>() {
            long expected = documents.estimatedDocumentCount();
            Iterator<Document> page = Collections.emptyIterator();
            String after;
            boolean last;
            long seen;

            public boolean hasNext() {
                while (!page.hasNext() && !last) {
                    List<Document> next = documents.find(after == null ? Filters.gte("_id", "")
                                    : Filters.gt("_id", after))
                            .sort(new Document("_id", 1)).limit(1_000).into(new ArrayList<>());
                    last = next.size() < 1_000;
                    if (!next.isEmpty()) {
                        after = next.get(next.size() - 1).getString("_id");
                    }
                    seen += next.size();
                    page = next.iterator();
                }
                if (!page.hasNext() && last && seen != expected) {
                    notes.add(collection + ": read " + seen + " documents by text _id of " + expected + " when the read began");
                    expected = seen;
                }
                return page.hasNext();
            }

            public Document next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
    }

    /** Fields in name order at every level, as document equality ignores their order and JSON text does not. */
    private static Object canonical(Object value) {
        if (value instanceof Document document) {
            Document sorted = new Document();
            new TreeMap<>(document).forEach((k, v) -> sorted.append(k, canonical(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Benchmark::canonical).toList();
        }
        return value;
    }

    /**
     * A read model as a digest of each document by its id: holding the documents themselves twice (live and
     * rebuilt) ran out of the 1 GB heap at 30,000 events. Unsorted reads: the embedded server answers a sorted
     * find in one reply, which passed the driver's 48 MB message limit at 15,000 timelines.
     */
    private Map<String, String> readModel(String collection) {
        Map<String, String> digests = new TreeMap<>();
        for (Document document : byId(collection)) {
            try {
                byte[] sha = MessageDigest.getInstance("SHA-256")
                        .digest(((Document) canonical(document)).toJson().getBytes(StandardCharsets.UTF_8));
                digests.put(String.valueOf(document.get("_id")), HexFormat.of().formatHex(sha, 0, 12));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return digests;
    }

    private static String token(HttpClient http, String base, String role) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/demo/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"role\":\"" + role + "\"}")).build();
        String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return body.replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private void percentiles(String name, Histogram latency) {
        figure(name + ".count", latency.getTotalCount(), "samples");
        figure(name + ".p50_ms", latency.getValueAtPercentile(50) / 1e6, "ms");
        figure(name + ".p95_ms", latency.getValueAtPercentile(95) / 1e6, "ms");
        figure(name + ".p99_ms", latency.getValueAtPercentile(99) / 1e6, "ms");
        figure(name + ".max_ms", latency.getMaxValue() / 1e6, "ms");
    }

    private void figure(String name, double value, String unit) {
        figures.put(name, new Figure(name, value, unit));
        System.out.printf("bench: %-40s %14.2f %s%n", name, value, unit);
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

