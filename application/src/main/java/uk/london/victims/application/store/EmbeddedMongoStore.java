package uk.london.victims.application.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The zero-install store: mongo-java-server on an H2 file, listening on loopback so that the service
 * talks to it through the real MongoDB driver, exactly as it would to a replica set.
 */
public final class EmbeddedMongoStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoStore.class);

    /** Chunks less full than this are rewritten, at most this many bytes a second. */
    private static final int COMPACT_BELOW_FILL_PERCENT = 60;
    private static final int COMPACT_BYTES_PER_RUN = 4 << 20;

    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final MongoServer server;
    private final ShreddingFileStore fileStore;
    private final MVStore mvStore;
    private final ScheduledExecutorService housekeeping;
    private final Path file;
    private final String connectionString;

    private EmbeddedMongoStore(Path file, String host, int port) {
        this.file = file;
        // No background commits: DurableH2Backend commits before answering, synchronously. A background
        // commit hands its write to an executor and returns, and a commit that followed it found nothing
        // left to save and returned before the data was on disk.
        this.fileStore = new ShreddingFileStore();
        fileStore.open(file.toString(), false, null);
        this.mvStore = new MVStore.Builder().adoptFileStore(fileStore).autoCommitDisabled().open();
        // MVStore's retention time (45 s) stays: mongo-java-server reads without pinning a version, so a
        // long cursor relies on it. At 2 s, a full scan under load failed with "Chunk ... not found".
        // With the background writer off, nothing else rewrites sparsely used chunks.
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-store-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        housekeeping.scheduleWithFixedDelay(this::compact, 1, 1, TimeUnit.SECONDS);
        this.server = new MongoServer(new DurableH2Backend(mvStore));
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            // A server that failed to bind would otherwise leave Netty threads keeping the JVM alive.
            housekeeping.shutdownNow();
            server.shutdownNow();
            mvStore.close();
            throw e;
        }
        InetSocketAddress address = server.getLocalAddress();
        this.connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
        log.info("Embedded MongoDB-compatible store on {} with data in {}", connectionString, file);
    }

    /** Opens (or creates) the store kept in {@code dataDirectory} and listens on the given loopback port (0: any free port). */
    public static EmbeddedMongoStore start(Path dataDirectory, String host, int port) {
        Path file = dataDirectory.resolve("store.mv.db");
        try {
            ownerOnly(dataDirectory, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the store's data directory " + dataDirectory, e);
        }
        return new EmbeddedMongoStore(file, host, port);
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

    private void compact() {
        try {
            if (!mvStore.isClosed()) {
                mvStore.compact(COMPACT_BELOW_FILL_PERCENT, COMPACT_BYTES_PER_RUN);
            }
        } catch (RuntimeException e) {
            log.warn("Embedded store housekeeping failed; will retry", e);
        }
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        server.shutdownNow();
        if (!mvStore.isClosed()) {
            mvStore.close();
        }
    }
}
