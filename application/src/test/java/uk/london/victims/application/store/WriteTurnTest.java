package uk.london.victims.application.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

class WriteTurnTest {

    private final DurableH2Backend.WriteTurn turn = new DurableH2Backend.WriteTurn();
    private final List<String> order = new CopyOnWriteArrayList<>();

    @Test
    void anAppendWaitingGoesBeforeAReadModelWriteThatWaitedLonger() throws Exception {
        turn.acquire(false);
        Thread readModel = writer("read model", false);
        awaitWaiting(1);
        Thread append = writer("append", true);
        awaitWaiting(2);

        turn.release();
        readModel.join(10_000);
        append.join(10_000);

        assertThat(order).containsExactly("append", "read model");
    }

    @Test
    void aReleaseWithNoAppendWaitingLetsEveryWaitingWriterHaveItsTurn() throws Exception {
        turn.acquire(true);
        Thread first = writer("first", false);
        awaitWaiting(1);
        Thread second = writer("second", false);
        awaitWaiting(2);

        turn.release();
        first.join(10_000);
        second.join(10_000);

        assertThat(order).containsExactlyInAnyOrder("first", "second");
        assertThat(turn.waiting()).isZero();
    }

    private Thread writer(String name, boolean urgent) {
        Thread thread = new Thread(() -> {
            turn.acquire(urgent);
            order.add(name);
            turn.release();
        });
        thread.start();
        return thread;
    }

    private void awaitWaiting(int writers) {
        while (turn.waiting() < writers) {
            Thread.onSpinWait();
        }
    }
}
