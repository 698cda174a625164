package uk.london.victims.application.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.SingleFileStore;

/**
 * MVStore's file, with one addition: {@link #shred} overwrites every copy of a secret still lying in the
 * file. MVStore never changes a chunk in place: a deleted document's bytes stay in the old chunk until
 * that chunk is rewritten and, after the retention time, its space is reused; even freed space is not
 * cleared. An erased person's wrapped key would therefore stay readable on disk for a minute or more
 * (ADR 0020), beside the demo master key. Shredding finds and overwrites those bytes at once.
 *
 * <p>Overwriting is safe only where no live data is: it runs after the deletion was committed, so no live
 * page holds the secret, and it writes under the lock MVStore holds while it allocates and writes a chunk,
 * re-reading each place first, so a chunk written there since the scan is never touched.
 */
final class ShreddingFileStore extends SingleFileStore {

    private static final int SCAN_BLOCK = 1 << 20;

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
        if (secret.length == 0) {
            return 0;
        }
        // A channel of our own: MVStore's is private. Positional reads and writes on the same file see each other.
        try (FileChannel file = FileChannel.open(Path.of(getFileName()), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // Scanned without the lock, so writers are held up only for the overwrites themselves.
            List<Long> candidates = find(file, secret);
            if (candidates.isEmpty()) {
                return 0;
            }
            int overwritten = 0;
            saveChunkLock.lock();
            try {
                for (long position : candidates) {
                    if (position + secret.length <= size() && Arrays.equals(bytesAt(file, position, secret.length), secret)) {
                        DataUtils.writeFully(file, position, ByteBuffer.allocate(secret.length));
                        overwritten++;
                    }
                }
                file.force(true);
            } finally {
                saveChunkLock.unlock();
            }
            return overwritten;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not overwrite erased data in " + getFileName(), e);
        }
    }

    private List<Long> find(FileChannel file, byte[] secret) {
        List<Long> found = new ArrayList<>();
        long size = size();
        // Blocks overlap by the secret's length less one, so a copy that straddles two blocks is still seen.
        int step = SCAN_BLOCK - (secret.length - 1);
        for (long start = 0; start < size; start += step) {
            int length = (int) Math.min(SCAN_BLOCK, size - start);
            if (length < secret.length) {
                break;
            }
            byte[] block = bytesAt(file, start, length);
            for (int i = 0; i <= length - secret.length; i++) {
                if (block[i] == secret[0] && Arrays.equals(block, i, i + secret.length, secret, 0, secret.length)) {
                    found.add(start + i);
                }
            }
        }
        return found;
    }

    private static byte[] bytesAt(FileChannel file, long position, int length) {
        byte[] bytes = new byte[length];
        DataUtils.readFully(file, position, ByteBuffer.wrap(bytes));
        return bytes;
    }
}
