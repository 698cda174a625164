package uk.london.victims.application.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shredding while the store's housekeeping moves chunks and truncates the file, as it does every second.
 * A scan that raced a truncation once failed an erasure with a 500 in CI; one that raced a move could
 * miss a copy that the move carried into space already scanned.
 */
class ShreddingFileStoreTest {

    @TempDir
    Path root;

    private MVStore mvStore;

    @AfterEach
    void close() {
        if (mvStore != null) {
            mvStore.close();
        }
    }

    @Test
    void aCopyThatHousekeepingMovesDuringTheScanIsStillOverwrittenAndTheShrunkFileIsNoError() throws IOException {
        Path file = root.resolve("store.mv.db");
        ShreddingFileStore fileStore = new ShreddingFileStore(Map.of());
        fileStore.open(file.toString(), false, null);
        mvStore = new MVStore.Builder().adoptFileStore(fileStore).autoCommitDisabled().open();
        mvStore.setRetentionTime(0);
        Random random = new Random(7);

        // Several MB at the start of the file, then the secret in a chunk after them beside a page that stays live.
        MVMap<Integer, byte[]> filler = mvStore.openMap("filler");
        for (int i = 0; i < 4_000; i++) {
            filler.put(i, randomBytes(random, 1_000));
        }
        mvStore.commit();
        byte[] secret = randomBytes(random, 64);
        MVMap<String, byte[]> keys = mvStore.openMap("keys");
        MVMap<String, String> kept = mvStore.openMap("kept");
        keys.put("person", secret);
        kept.put("other", "still here");
        mvStore.commit();
        // The filler's chunks become free space before the secret's chunk; the secret itself becomes a dead page.
        mvStore.removeMap(filler);
        mvStore.commit();
        keys.remove("person");
        mvStore.commit();
        // MVStore frees a chunk without live pages only once the last versions it keeps no longer need it.
        MVMap<Integer, Integer> ticks = mvStore.openMap("ticks");
        for (int tick = 0; tick < 10; tick++) {
            ticks.put(tick, tick);
            mvStore.commit();
        }
        long sizeBefore = Files.size(file);
        assertThat(occurrences(Files.readAllBytes(file), secret)).isPositive();

        // Once the first block is scanned, the housekeeping moves the secret's chunk down into it and truncates.
        fileStore.shred(secret, () -> fileStore.compactMoveChunks(100, Long.MAX_VALUE, mvStore));

        assertThat(Files.size(file)).as("the housekeeping shrank the file during the scan").isLessThan(sizeBefore / 2);
        assertThat(occurrences(Files.readAllBytes(file), secret)).isZero();
        assertThat(kept.get("other")).isEqualTo("still here");
        kept.put("later", "written");
        mvStore.commit();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static int occurrences(byte[] haystack, byte[] needle) {
        int count = 0;
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                count++;
            }
        }
        return count;
    }
}
