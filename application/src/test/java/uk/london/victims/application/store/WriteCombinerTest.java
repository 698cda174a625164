package uk.london.victims.application.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class WriteCombinerTest {

    @Test
    void aLoneCallerWritesAloneAndGetsItsResult() {
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        WriteCombiner<Integer, Integer> combiner = new WriteCombiner<>(batch -> {
            batches.add(batch);
            return batch.stream().map(i -> i * 10).toList();
        });

        assertThat(combiner.write(4)).isEqualTo(40);
        assertThat(batches).containsExactly(List.of(4));
    }

    @Test
    void callersArrivingDuringAWriteShareTheNextOneAndEachGetsItsOwnOutcome() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        WriteCombiner<Integer, String> combiner = new WriteCombiner<>(batch -> {
            batches.add(batch);
            if (batch.contains(0)) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            // One request of the shared batch fails on its own; the others succeed.
            return batch.stream().map(i -> i == 2 ? "refused" : "stored " + i).toList();
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<String> first = pool.submit(() -> combiner.write(0));
            await(firstStarted);
            List<Future<String>> later = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                int request = i;
                later.add(pool.submit(() -> combiner.write(request)));
            }
            while (combiner.waiting() < 3) {
                Thread.onSpinWait();
            }
            releaseFirst.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("stored 0");
            assertThat(later.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("stored 1");
            assertThat(later.get(1).get(10, TimeUnit.SECONDS)).isEqualTo("refused");
            assertThat(later.get(2).get(10, TimeUnit.SECONDS)).isEqualTo("stored 3");
            assertThat(batches).hasSize(2);
            assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBatchThatFailsAsAWholeFailsEveryCallerAndTheNextBatchStillRuns() {
        List<Integer> calls = new ArrayList<>();
        WriteCombiner<Integer, Integer> combiner = new WriteCombiner<>(batch -> {
            calls.add(batch.get(0));
            if (batch.get(0) == 1) {
                throw new IllegalStateException("connection lost");
            }
            return batch;
        });

        assertThatThrownBy(() -> combiner.write(1)).hasMessage("connection lost");
        assertThat(combiner.write(2)).isEqualTo(2);
        assertThat(calls).containsExactly(1, 2);
    }

    @Test
    void aBatchAnsweringTheWrongNumberOfResultsFailsItsCallers() {
        WriteCombiner<Integer, Integer> combiner = new WriteCombiner<>(batch -> List.of());

        assertThatThrownBy(() -> combiner.write(1)).isInstanceOf(IllegalStateException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
