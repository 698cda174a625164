package uk.london.victims.application.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.mvstore.Chunk;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.SingleFileStore;

/**
 * MVStore's file, with three additions. It reports the size of the chunk housekeeping must rewrite
 * ({@link #largestRewriteCandidate}; ADR 0046), which only a subclass can see. It rewrites sparse chunks without
 * MVStore's store lock ({@link #rewriteSparseChunks}; ADR 0056), through a method only a subclass can call.
 * And {@link #shred} overwrites every copy of a secret still lying in the file. MVStore never changes a chunk in place: a deleted document's bytes stay in the old chunk until
 * that chunk is rewritten and, after the retention time, its space is reused; even freed space is not
 * cleared. An erased person's wrapped key would therefore stay readable on disk for a minute or more
 * (ADR 0020), beside the demo master key. Shredding finds and overwrites those bytes at once.
 *
 * <p>Overwriting is safe only where no live data is: it runs after the deletion was committed, so no live
 * page holds the secret, and it writes under the lock MVStore holds while it allocates, writes and moves
 * chunks, re-reading each place first, so a chunk written there since the scan is never touched.
 */
final class ShreddingFileStore extends SingleFileStore {

    private static final int SCAN_BLOCK = 1 << 20;
    /** The unit of a chunk's position and length in the file (H2's {@code FileStore.BLOCK_SIZE}, package-private). */
    private static final int MVSTORE_BLOCK = 4 * 1024;

    /** Housekeeping runs that moved a chunk: a moved chunk may be freed later, its copy left in space already scanned. */
    private final AtomicLong movingRuns = new AtomicLong();

    ShreddingFileStore() {
        this(new HashMap<>());
    }

    /** @param config MVStore's file store settings, e.g. {@code cacheSize} in MB (read here, not from the MVStore builder) */
    ShreddingFileStore(Map<String, Object> config) {
        super(new HashMap<>(config));
    }

    /**
     * Overwrites every copy of {@code secret} in the file with zeros and forces the file to disk.
     *
     * @return how many copies were overwritten
     */
    int shred(byte[] secret) {
        return shred(secret, () -> { });
    }

    /** As {@link #shred(byte[])}; {@code afterFirstBlock} runs once the scan has read its first block (tests race housekeeping there). */
    int shred(byte[] secret, Runnable afterFirstBlock) {
        if (secret.length == 0) {
            return 0;
        }
        // A channel of our own: MVStore's is private. Positional reads and writes on the same file see each other.
        try (FileChannel file = FileChannel.open(Path.of(getFileName()), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            for (int attempt = 1; ; attempt++) {
                // The scan runs without the lock, so writers are held up only for the overwrites. Meanwhile the
                // housekeeping may move chunks (dead pages and all) into space already scanned and truncate the
                // file: a scan during which a chunk moved is repeated, and the third time it holds the lock.
                boolean locked = attempt == 3;
                if (locked) {
                    saveChunkLock.lock();
                }
                try {
                    Map<Integer, Long> positions = chunkPositions();
                    long runs = movingRuns.get();
                    List<Long> candidates = find(file, secret, attempt == 1 ? afterFirstBlock : () -> { });
                    if (!locked) {
                        saveChunkLock.lock();
                        locked = true;
                    }
                    // A run still moving has released the lock for a while (MVStore does), so look at the chunks too.
                    if (movingRuns.get() != runs || moved(positions)) {
                        continue;
                    }
                    return overwrite(file, secret, candidates);
                } finally {
                    if (locked) {
                        saveChunkLock.unlock();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not overwrite erased data in " + getFileName(), e);
        }
    }

    @Override
    public void compactMoveChunks(int targetFillRate, long moveSize, MVStore mvStore) {
        Map<Integer, Long> positions = chunkPositions();
        try {
            super.compactMoveChunks(targetFillRate, moveSize, mvStore);
        } finally {
            if (moved(positions)) {
                movingRuns.incrementAndGet();
            }
        }
    }

    /**
     * What rewriting sparse chunks needs of a step's budget: the live bytes of the largest candidate. H2's
     * {@code compact} takes saved, partly live chunks at or below the fill rate, not among the last versions, the
     * sparsest and oldest first, and leaves out any chunk whose live bytes exceed the budget (ADR 0046). This reads the
     * same conditions from the chunks' public fields; only the retention time is not checked, as a chunk that young
     * is rarely sparse.
     *
     * @return bytes, or 0 when no chunk is a candidate
     */
    long largestRewriteCandidate(int targetFillRate, long currentVersion) {
        long largest = 0;
        for (Chunk<?> chunk : chunks()) {
            boolean saved = chunk.block != 0 && chunk.buffer == null;
            boolean partlyLive = chunk.maxLenLive > 0 && chunk.maxLenLive < chunk.maxLen;
            // Chunk.getFillRate, which is package-private
            if (saved && partlyLive && chunk.version < currentVersion - 1
                    && 1 + 98 * chunk.maxLenLive / chunk.maxLen <= targetFillRate) {
                largest = Math.max(largest, chunk.maxLenLive);
            }
        }
        return largest;
    }

    /**
     * Rewrites the live pages of sparse chunks, as H2's {@code FileStore.compact} does, but without MVStore's store
     * lock, which {@code compact} holds for the whole step. A writer that finds more than a third past MVStore's commit
     * size unsaved commits, and waits for that lock; the pages a step rewrites count as unsaved, so every writer waited
     * for the rest of such a step (ADR 0055). The lock is not needed here (ADR 0056): each page is rewritten by an
     * ordinary write to its map, as concurrent writers write; the chunks' occupancy is read and changed only under
     * the file store's serialization lock, which {@code rewriteChunks} takes as a commit does; and the version the step
     * registers keeps every chunk it reads from being freed until it ends. What it rewrites is committed in the next
     * ordinary commit, so it lands in chunks of the usual size.
     *
     * <p>The caller runs one step at a time and never while the store closes. H2 does not document this use: an
     * upgrade of H2 must read {@code FileStore.rewriteChunks} and {@code dropUnusedChunks} again.
     *
     * @param targetFillRate rewrite only while the chunks' average fill is below this, in percent (as {@code compact})
     * @param writeLimit     the live bytes a step may rewrite (as {@code compact}'s {@code write})
     * @return whether any chunk was rewritten
     */
    boolean rewriteSparseChunks(int targetFillRate, int writeLimit) {
        return hasPersistentData() && getChunksFillRate() < targetFillRate && rewriteChunks(writeLimit, 100);
    }

    /** Under the lock: re-reads each place first, so a chunk written there since the scan is never touched. */
    private int overwrite(FileChannel file, byte[] secret, List<Long> candidates) throws IOException {
        int overwritten = 0;
        byte[] found = new byte[secret.length];
        for (long position : candidates) {
            if (position + secret.length <= size() && readUpTo(file, position, found) == found.length
                    && Arrays.equals(found, secret)) {
                DataUtils.writeFully(file, position, ByteBuffer.allocate(secret.length));
                overwritten++;
            }
        }
        if (overwritten > 0) {
            file.force(true);
        }
        return overwritten;
    }

    /** Each chunk's first block (the file's chunks as H2 placed them). */
    Map<Integer, Long> chunkPositions() {
        Map<Integer, Long> positions = new HashMap<>();
        for (Chunk<?> chunk : chunks()) {
            positions.put(chunk.id, chunk.block);
        }
        return positions;
    }

    /** Whether a chunk that existed before has since been moved. Chunks written since hold only pages committed after the deletion. */
    private boolean moved(Map<Integer, Long> before) {
        for (Chunk<?> chunk : chunks()) {
            Long block = before.get(chunk.id);
            if (block != null && block != chunk.block) {
                return true;
            }
        }
        return false;
    }

    /** MVStore's chunks, seen through their public type (its own is package-private). */
    private Collection<? extends Chunk<?>> chunks() {
        Map<Integer, ? extends Chunk<?>> chunks = getChunks();
        return chunks.values();
    }

    private List<Long> find(FileChannel file, byte[] secret, Runnable afterFirstBlock) throws IOException {
        List<Long> found = new ArrayList<>();
        byte[] block = new byte[SCAN_BLOCK];
        // Blocks overlap by the secret's length less one, so a copy that straddles two blocks is still seen.
        int step = SCAN_BLOCK - (secret.length - 1);
        for (long start = 0; ; start += step) {
            // Read to the file's end as it is now: the housekeeping may truncate it during the scan.
            int length = readUpTo(file, start, block);
            for (int i = 0; i <= length - secret.length; i++) {
                if (block[i] == secret[0] && Arrays.equals(block, i, i + secret.length, secret, 0, secret.length)) {
                    found.add(start + i);
                }
            }
            if (start == 0) {
                afterFirstBlock.run();
            }
            if (length < SCAN_BLOCK) {
                return found;
            }
        }
    }

    /** Reads from {@code position} until {@code into} is full or the file ends; returns how many bytes were read. */
    private static int readUpTo(FileChannel file, long position, byte[] into) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(into);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.position();
    }
}
