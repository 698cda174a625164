package uk.london.victims.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The real service in a child JVM on the embedded store, as the README starts it, for crash tests. */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServiceProcess start(Path dataDirectory, Path log) {
        return start(dataDirectory, log, List.of());
    }

    /** As the README runs it (embedded store and, with no identity provider, demo tokens), with more arguments. */
    static ServiceProcess start(Path dataDirectory, Path log, List<String> more) {
        List<String> arguments = new ArrayList<>(List.of("--vjt.store.data-directory=" + dataDirectory));
        arguments.addAll(more);
        return start(log, Map.of(), arguments);
    }

    /**
     * One of several instances sharing a store at {@code mongoUri}, as in production: the environment
     * must name the vault master key and the identity provider, as it would there.
     */
    static ServiceProcess startShared(String mongoUri, Path log, Map<String, String> environment, List<String> arguments) {
        Map<String, String> shared = new java.util.HashMap<>(environment);
        shared.put("MONGODB_URI", mongoUri);
        return start(log, shared, arguments);
    }

    /** A process as {@code java -jar} would start it, with this environment, however start-up ends. */
    static ServiceProcess launch(Path log, Map<String, String> environment, List<String> arguments) {
        return start(log, environment, arguments, false);
    }

    private static ServiceProcess start(Path log, Map<String, String> environment, List<String> arguments) {
        return start(log, environment, arguments, true);
    }

    private static ServiceProcess start(Path log, Map<String, String> environment, List<String> arguments, boolean awaitHealthy) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", classpath(),
                VictimJourneyTrackerApplication.class.getName(),
                "--server.port=" + port));
        // Quiet unless the test asks for a level itself: the same argument twice would be read as "WARN,INFO".
        if (arguments.stream().noneMatch(argument -> argument.startsWith("--logging.level.root="))) {
            command.add("--logging.level.root=WARN");
        }
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("MONGODB_URI");
        builder.environment().remove("VJT_JWT_ISSUER_URI");
        builder.environment().remove("VJT_JWT_JWK_SET_URI");
        builder.environment().remove("VJT_VAULT_MASTER_KEY");
        builder.environment().putAll(environment);
        try {
            ServiceProcess service = new ServiceProcess(builder.start(), port);
            if (awaitHealthy) {
                service.awaitHealthy(Duration.ofSeconds(90));
            }
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A demo token for the role from this process's {@code /demo/tokens}. Each process makes its own key at
     * start-up, so a token from a killed process does not work on the restarted one.
     */
    String bearerToken(String role) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/demo/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"role\":\"" + role + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST /demo/tokens answered " + response.statusCode() + ": " + response.body());
            }
            return (String) new ObjectMapper().readValue(response.body(), Map.class).get("token");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** The name Axon gives this instance as the owner of a processor segment. */
    String ownerPrefix() {
        return process.pid() + "@";
    }

    /** Waits for the process to end by itself, as one refused at start-up does; null if it is still running. */
    Integer awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** Whether it answers health checks within the timeout. */
    boolean becomesHealthy(Duration timeout) {
        try {
            awaitHealthy(timeout);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited during start-up with " + process.exitValue());
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        process.destroyForcibly();
        throw new IllegalStateException("The service did not become healthy within " + timeout);
    }

    /** SIGKILL: no shutdown hooks, no flushing, exactly like a crash or an OOM kill. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
