package uk.london.victims.application.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The zero-install store: mongo-java-server on an H2 file, listening on loopback so that the service
 * talks to it through the real MongoDB driver, exactly as it would to a replica set.
 */
public final class EmbeddedMongoStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoStore.class);

    /**
     * How the MVStore under the embedded server is set up (ADR 0024).
     *
     * @param cacheMb              MVStore's page cache (decoded pages); its default, 16 MB, is far below a
     *                             working set of any size, and every miss decodes a page again
     * @param retentionMs          how long a chunk freed by a commit is kept before its space is reused
     * @param keysPerPage          a page is split past this many entries (or 16 KB); every commit rewrites
     *                             each page it changed, so smaller pages mean fewer bytes written per commit
     * @param compactBelowPercent  chunks whose live share is below this are rewritten
     * @param compactBytesPerRun   each housekeeping run's share of bytes to rewrite. A step and the commits
     *                             that write what it rewrote last in proportion to it (ADR 0045; a step no
     *                             longer holds the store's lock, ADR 0056). While
     *                             the file is mostly free space, a chunk larger than one share waits for the runs
     *                             skipped meanwhile to bank a step its size, up to
     *                             {@link StoreHousekeeping#LARGEST_STEP} (ADR 0046)
     * @param shrinkBelowPercent   once the file's used share falls below this, housekeeping rewrites past H2's
     *                             half-full rule in steps sized to the chunk waiting, so that the sparse chunks
     *                             at the end of the file are emptied and it is truncated (ADR 0046; chunks are
     *                             never moved, ADR 0048)
     * @param workerThreads        the server's Netty event-loop threads. mongo-java-server handles a command
     *                             on its connection's event loop, and a durable write waits there for its
     *                             group commit: with Netty's default (2 per core, 4 here) at most 4 commands
     *                             were in flight, so commits were shared by 4 writers at most and reads
     *                             queued behind writers' waits (seen in jstack under the benchmark)
     * @param housekeepingEveryMs  the pause between housekeeping runs
     */
    public record Tuning(int cacheMb, int retentionMs, int keysPerPage, int compactBelowPercent, int compactBytesPerRun,
                         int shrinkBelowPercent, int workerThreads, int housekeepingEveryMs) {

        /**
         * A page cache of an eighth of the heap (16–512 MB), and housekeeping that keeps up with a busy store: 8 MB a
         * second, in runs of 1 MB so that no commit waits long behind one.
         */
        public static Tuning forHeap(long maxHeapBytes) {
            int cacheMb = (int) Math.max(16, Math.min(512, maxHeapBytes / 8 / (1 << 20)));
            return new Tuning(cacheMb, 1_000, 16, 50, 1 << 20, 60, 64, 125);
        }

        /** The same, with housekeeping of {@code bytesPerRun} every {@code everyMs}. */
        public Tuning withHousekeeping(int bytesPerRun, int everyMs) {
            return new Tuning(cacheMb, retentionMs, keysPerPage, compactBelowPercent, bytesPerRun, shrinkBelowPercent,
                    workerThreads, everyMs);
        }

        public static Tuning forThisHeap() {
            return forHeap(Runtime.getRuntime().maxMemory());
        }
    }

    /**
     * MVStore's estimate of unsaved pages, in KB, at which a writer commits them itself, and past a third more of
     * which every writer waits for a commit (ADR 0054). The store's committer commits before this
     * ({@link DurableH2Backend#BACKGROUND_COMMIT_FROM}); this is the backstop for when it falls behind. A housekeeping
     * step's rewritten pages pass it; writers waited for such steps until steps stopped holding the store's lock
     * (ADR 0056). Raising this instead, throughout or only during steps, let the catch-up after a bulk import write
     * large sparse chunks that housekeeping does not take (ADR 0055, rejected).
     */
    static final int UNSAVED_KB_BEFORE_COMMIT = 1024;

    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final MongoServer server;
    private final DurableH2Backend backend;
    private final ShreddingFileStore fileStore;
    private final MVStore mvStore;
    private final ScheduledExecutorService housekeepingThread;
    private final Path file;
    private final String connectionString;

    private final StoreHousekeeping housekeeping;

    private EmbeddedMongoStore(Path file, String host, int port, Tuning tuning, MeterRegistry registry) {
        this.file = file;
        // An adopted file store takes its cache size from its own settings; the builder's would be ignored.
        this.fileStore = new ShreddingFileStore(Map.of("cacheSize", tuning.cacheMb()));
        fileStore.open(file.toString(), false, null);
        // No MVStore background writer: DurableH2Backend commits a durable write before answering, synchronously.
        // MVStore's background commit hands its write to an executor and returns, and a commit that followed it
        // found nothing left to save and returned before the data was on disk. (DurableH2Backend's own committer
        // thread goes through the same synchronous group commit.)
        // Writes not waited for (ADR 0054) are committed by the writer once this much is unsaved, if the store's
        // committer has not done it first, so that they reach the disk in chunks housekeeping can rewrite. H2's
        // default for a large heap, 19 MB of its page estimate, made chunks of 8–16 MB when nothing else
        // committed them, and the file doubled.
        this.mvStore = new MVStore.Builder().adoptFileStore(fileStore).autoCommitDisabled()
                .autoCommitBufferSize(UNSAVED_KB_BEFORE_COMMIT).keysPerPage(tuning.keysPerPage()).open();
        mvStore.setRetentionTime(tuning.retentionMs());
        // Every command pins the version it reads (DurableH2Backend), so no read depends on the retention time:
        // it only bounds how long freed chunks linger. At 45 s (MVStore's default) a busy store's file held a
        // minute of garbage (ADR 0024). With the background writer off, nothing else rewrites sparse chunks.
        this.housekeeping = new StoreHousekeeping(mvStore, fileStore, tuning, registry);
        this.housekeepingThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-store-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        housekeepingThread.scheduleWithFixedDelay(housekeeping::run, tuning.housekeepingEveryMs(), tuning.housekeepingEveryMs(),
                TimeUnit.MILLISECONDS);
        this.backend = new DurableH2Backend(mvStore, registry);
        this.server = new MongoServer(backend);
        try {
            server.bind(new InetSocketAddress(host, port), 1, tuning.workerThreads());
        } catch (RuntimeException e) {
            // A server that failed to bind would otherwise leave Netty threads keeping the JVM alive.
            stopHousekeeping();
            server.shutdownNow();
            backend.close();
            throw e;
        }
        InetSocketAddress address = server.getLocalAddress();
        this.connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
        log.info("Embedded MongoDB-compatible store on {} with data in {}", connectionString, file);
    }

    /** Opens (or creates) the store kept in {@code dataDirectory} and listens on the given loopback port (0: any free port). */
    public static EmbeddedMongoStore start(Path dataDirectory, String host, int port) {
        return start(dataDirectory, host, port, Tuning.forThisHeap());
    }

    /** As {@link #start(Path, String, int)}, with the MVStore set up as given. */
    public static EmbeddedMongoStore start(Path dataDirectory, String host, int port, Tuning tuning) {
        return start(dataDirectory, host, port, tuning, new SimpleMeterRegistry());
    }

    /** As {@link #start(Path, String, int, Tuning)}, timing commits and housekeeping into {@code registry}. */
    public static EmbeddedMongoStore start(Path dataDirectory, String host, int port, Tuning tuning, MeterRegistry registry) {
        Path file = dataDirectory.resolve("store.mv.db");
        try {
            ownerOnly(dataDirectory, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the store's data directory " + dataDirectory, e);
        }
        return new EmbeddedMongoStore(file, host, port, tuning, registry);
    }

    /**
     * The store holds everyone's sealed details and, in the demo, sits beside the master key that opens
     * them: nobody but the service's own user may list the directory or read the file (ADR 0020). Set on
     * every start, so a directory made by an older version or a careless copy is tightened too.
     */
    private static void ownerOnly(Path directory, Path file) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(directory);
            log.warn("Cannot restrict {} to its owner on this file system; protect it yourself", directory);
            return;
        }
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        }
        try {
            Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
        } catch (IOException notOwner) {
            // A directory someone else owns (a mounted volume) cannot be changed by us; the file still can.
            log.warn("Cannot make {} owner-only ({}); make sure only this service's user can read it", directory,
                    notOwner.toString());
        }
        if (!Files.exists(file)) {
            // Created owner-only before MVStore opens it, so it is never readable by others, not even briefly.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
    }

    /**
     * Overwrites, in the file, every leftover copy of bytes that were deleted and committed (an erased
     * person's wrapped key), so they cannot be read back from disk. Call only once the deletion is
     * committed: a live document holding the bytes would be damaged.
     *
     * @return how many copies were overwritten
     */
    public int shred(byte[] deleted) {
        // The deletion was committed before it was answered (DurableH2Backend); this only makes sure.
        mvStore.commit();
        return fileStore.shred(deleted);
    }

    public String connectionString() {
        return connectionString;
    }

    public Path file() {
        return file;
    }

    /** MVStore's own figures (fill rates, chunk and page counts, cache), for benchmarks and diagnosis. */
    public Map<String, String> statistics() {
        Map<String, String> info = new TreeMap<>();
        mvStore.populateInfo(info::put);
        return info;
    }

    /** MVStore's file block, in which chunk lengths are counted. */
    private static final int BLOCK_SIZE = 4 * 1024;

    /** The length in the file of each chunk in use, in bytes (tests: what size the store's commits write). */
    List<Long> chunkLengths() {
        List<Long> lengths = new ArrayList<>();
        mvStore.getLayoutMap().forEach((key, value) -> {
            if (key.startsWith("chunk.")) {
                lengths.add(DataUtils.readHexLong(DataUtils.parseMap(value), "len", 0) * BLOCK_SIZE);
            }
        });
        return lengths;
    }

    /**
     * Lets a running step finish. A step does not hold the store's lock (ADR 0056), so closing the store would not wait
     * for it. Not interrupted: an interrupted thread's file read closes MVStore's file channel for every thread.
     */
    private void stopHousekeeping() {
        housekeepingThread.shutdown();
        try {
            if (!housekeepingThread.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("A housekeeping step was still running after 30 s; closing the store anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One housekeeping run, now (tests; the store runs them every {@code housekeepingEveryMs} itself). */
    void compact() {
        housekeeping.run();
    }

    @Override
    public void close() {
        stopHousekeeping();
        server.shutdownNow();
        // The server leaves its backend open: closing it stops the committer and closes the MVStore (once).
        backend.close();
    }
}
