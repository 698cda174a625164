package uk.london.victims.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import uk.london.victims.application.store.StoreOnly;

/** The embedded store alone in a child JVM (store-only mode), shared by service instances through MONGODB_URI. */
final class StoreProcess implements AutoCloseable {

    private final Process process;
    final int port;

    private StoreProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts (or restarts, on the same data and port) the store, and waits until it accepts connections. */
    static StoreProcess start(Path dataDirectory, int port, Path log) {
        List<String> command = List.of(ServiceProcess.java(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", ServiceProcess.classpath(), VictimJourneyTrackerApplication.class.getName(),
                "--vjt.store.only=true", "--vjt.store.data-directory=" + dataDirectory,
                "--vjt.store.embedded-port=" + port);
        try {
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            awaitReady(process, log, logStart, Duration.ofSeconds(60));
            return new StoreProcess(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    private static void awaitReady(Process process, Path log, long logStart, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The store exited during start-up with " + process.exitValue()
                        + "; see " + log.toAbsolutePath());
            }
            String written = Files.readString(log);
            if (written.length() > logStart && written.substring((int) logStart).contains(StoreOnly.READY)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("The store did not start within " + timeout);
    }

    /** SIGKILL: nothing is flushed or closed. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
