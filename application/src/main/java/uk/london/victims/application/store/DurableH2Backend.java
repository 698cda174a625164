package uk.london.victims.application.store;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The embedded server's H2 backend commits to disk about once a second on its own, so a write it had
 * already acknowledged could vanish on {@code kill -9}. Committing before a write command is answered
 * closes that window. Concurrent writers share commits naturally: the MVStore commit lock serialises
 * them, and a writer that waited finds its change already written by the commit it waited for
 * (a group commit).
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of(
            "insert", "update", "delete", "findandmodify", "create", "createindexes",
            "drop", "dropindexes", "dropdatabase", "renamecollection");

    private final MVStore mvStore;
    private final ReentrantLock writeLock = new ReentrantLock();

    DurableH2Backend(MVStore mvStore) {
        super(mvStore);
        this.mvStore = mvStore;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (!WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
            return super.handleCommand(channel, database, command, query);
        }
        try {
            // mongo-java-server checks unique keys and applies findAndModify as read-then-write without
            // a lock; concurrent writers could both pass. One writer at a time makes them atomic.
            writeLock.lock();
            try {
                // The reply may share objects with the stored document, and Netty encodes it after we
                // return: copy it while no other writer can change it (seen: two $inc returning one value).
                return super.handleCommand(channel, database, command, query).cloneDeeply();
            } finally {
                writeLock.unlock();
            }
        } finally {
            // Outside the write lock, so that writers waiting for the commit lock share one commit.
            // Even a failed command commits: an ordered insertMany that stopped at a duplicate key has
            // still written the documents before it, and the caller may act on them.
            if (mvStore.hasUnsavedChanges()) {
                mvStore.commit();
            }
        }
    }
}
