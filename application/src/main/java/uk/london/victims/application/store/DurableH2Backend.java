package uk.london.victims.application.store;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.bson.Document;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.channel.Channel;

/**
 * The embedded server's H2 backend commits to disk about once a second on its own, so a write it had
 * already acknowledged could vanish on {@code kill -9}. Here a write command is answered only once an
 * MVStore commit that started after the write was applied has completed (ADR 0014). Concurrent writers
 * share such commits: while one commit runs, every writer that finishes waits, and the next commit
 * covers them all (group commit).
 *
 * <p>A write sent with {@code writeConcern: {j: false}} is applied but not waited for: the event store's
 * interim writes (reserving positions, claiming the stream) need not be durable on their own, because
 * MVStore commits are ordered — the commit that makes the append's final write durable makes them
 * durable too. The read models and their processors' tokens are sent so as well (ADR 0054): a crash loses
 * a token together with the documents it vouches for, and the processor redoes them from the events.
 */
final class DurableH2Backend extends BsonH2Backend {

    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

    private static final Set<String> WRITE_COMMANDS = Set.of(
            "insert", "update", "delete", "findandmodify", "create", "createindexes",
            "drop", "dropindexes", "dropdatabase", "renamecollection");

    private final MVStore mvStore;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Write commands applied so far; written under {@link #writeLock}. */
    private volatile long applied;

    private final ReentrantLock commitLock = new ReentrantLock();
    private final Condition commitDone = commitLock.newCondition();
    /** Every write up to this count is on disk; guarded by {@link #commitLock}. */
    private long durable;
    private boolean committing;

    /** Each MVStore commit made for durable writes; one may cover many writers' writes. */
    private final Timer commits;
    /** A durable write command from its start to the commit that covers it: what the writer waited for. */
    private final Timer durableWrites;

    /**
     * Unsaved pages (MVStore's estimate, bytes) from which writes not waited for are committed on a thread of the
     * store's own, so that they reach the file in chunks housekeeping can rewrite without their writer committing
     * them (MVStore's own commit at {@link EmbeddedMongoStore#UNSAVED_KB_BEFORE_COMMIT} is then only a backstop).
     */
    static final int BACKGROUND_COMMIT_FROM = 512 * 1024;

    private final ExecutorService committer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "embedded-store-committer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean commitAsked = new AtomicBoolean();

    private final MeterRegistry registry;
    /** Per command, then per collection, the time its writes took to apply (found on first use). */
    private final Map<String, Map<String, Timer>> applyTimers = new ConcurrentHashMap<>();
    static final int TIMED_COLLECTIONS_AT_MOST = 100;

    DurableH2Backend(MVStore mvStore, MeterRegistry registry) {
        super(mvStore);
        this.mvStore = mvStore;
        this.registry = registry;
        this.commits = Timer.builder("vjt.store.commit")
                .description("Embedded store: MVStore commits made so that writes are durable (group commit, ADR 0014)")
                .register(registry);
        this.durableWrites = Timer.builder("vjt.store.durable-write")
                .description("Embedded store: a durable write command from its start until a commit covering it completed")
                .register(registry);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        // A command reads the MVStore version current when it starts, and a full scan can outlast many
        // commits: registered, that version's chunks are not overwritten until the command is done, whatever
        // the retention time (ADR 0024). The answer is built in memory before this returns (mongo-java-server
        // materialises every query's result), so a cursor's later batches need no version at all.
        MVStore.TxCounter version = mvStore.registerVersionUsage();
        try {
            return handle(channel, database, command, query);
        } finally {
            mvStore.deregisterVersionUsage(version);
        }
    }

    private Document handle(Channel channel, String database, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (!WRITE_COMMANDS.contains(name)) {
            return super.handleCommand(channel, database, command, query);
        }
        long started = System.nanoTime();
        // mongo-java-server checks unique keys and applies findAndModify as read-then-write without
        // a lock; concurrent writers could both pass. One writer at a time makes them atomic.
        writeLock.lock();
        long applying = System.nanoTime();
        try {
            // The reply may share objects with the stored document, and Netty encodes it after we
            // return: copy it while no other writer can change it (seen: two $inc returning one value).
            return super.handleCommand(channel, database, command, query).cloneDeeply();
        } finally {
            // Counted even when the command failed: an ordered insertMany that stopped at a duplicate
            // key has still written the documents before it, and the caller may act on them.
            long mine = ++applied;
            applyTimer(name, query.get(command)).record(System.nanoTime() - applying, TimeUnit.NANOSECONDS);
            writeLock.unlock();
            if (!interim(query)) {
                awaitCommitCovering(mine);
                durableWrites.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            } else if (mvStore.getUnsavedMemory() > BACKGROUND_COMMIT_FROM && commitAsked.compareAndSet(false, true)) {
                committer.execute(this::commitInBackground);
            }
        }
    }

    /** A commit of everything applied so far, shared with any durable writer that comes meanwhile. */
    private void commitInBackground() {
        // Asked again from here on: a write applied during this commit is not covered by it.
        commitAsked.set(false);
        try {
            if (!mvStore.isClosed()) {
                awaitCommitCovering(applied);
            }
        } catch (RuntimeException e) {
            // Closing meanwhile is expected (close commits what is unsaved); anything else, the next durable
            // writer's own commit meets too, and is told.
            if (!mvStore.isClosed()) {
                log.warn("Embedded store: a commit of writes not waited for failed; the next commit will retry", e);
            }
        }
    }

    @Override
    public void close() {
        committer.shutdownNow();
        super.close();
    }

    /** Returns once a commit that started after write number {@code write} was applied has completed. */
    private void awaitCommitCovering(long write) {
        commitLock.lock();
        try {
            while (durable < write) {
                if (committing) {
                    commitDone.awaitUninterruptibly();
                    continue;
                }
                committing = true;
                // Every write counted here was applied before this read, so the commit below holds it.
                long covers = applied;
                boolean done = false;
                commitLock.unlock();
                try {
                    commits.record(mvStore::commit);
                    done = true;
                } finally {
                    commitLock.lock();
                    committing = false;
                    if (done) {
                        durable = Math.max(durable, covers);
                    }
                    commitDone.signalAll();
                }
            }
        } finally {
            commitLock.unlock();
        }
    }

    /**
     * Which collections' writes cost the store its time (issue 14: the store is the larger part of an event's CPU). Only
     * the apply, under the write lock; the commit that follows writes the pages of every collection at once. The
     * service's collections are a few dozen; past {@link #TIMED_COLLECTIONS_AT_MOST} names (a client making collections
     * of its own) the rest share one timer, so the meters stay bounded.
     */
    private Timer applyTimer(String command, Object target) {
        String collection = target instanceof String c ? c : "-";
        Map<String, Timer> byCollection = applyTimers.computeIfAbsent(command, c -> new ConcurrentHashMap<>());
        Timer timer = byCollection.get(collection);
        if (timer != null) {
            return timer;
        }
        String tag = byCollection.size() < TIMED_COLLECTIONS_AT_MOST ? collection : "(others)";
        return byCollection.computeIfAbsent(tag, t -> Timer.builder("vjt.store.write-apply")
                .description("Embedded store: a write command applied, under the write lock, by command and collection")
                .tag("command", command).tag("collection", t).register(registry));
    }

    private static boolean interim(Document query) {
        return query.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j"));
    }
}
