package uk.london.victims.web;

import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import uk.london.victims.application.store.EmbeddedMongoStore;
import uk.london.victims.projections.casesummary.CaseSummaryProjection;

/**
 * An acknowledged command survives {@code kill -9}. Eight clients drive the real service in a child JVM;
 * the moment N commands have been acknowledged the process is killed with requests still in flight.
 * Every acknowledged event must then be in the store, and the restarted service must serve them all; the read
 * models it then catches up to must equal those a fresh replay of the same events builds.
 */
class KillNineDurabilityTest {

    private static final int ACKNOWLEDGED_BEFORE_KILL = 400;
    private static final int CLIENTS = 8;
    private static final int COMMANDS_PER_CASE = 5;

    @Test
    void everyAcknowledgedCommandSurvivesKillNine() throws Exception {
        Path data = Files.createTempDirectory("vjt-kill-");
        Path log = Path.of("target", "kill-nine-service.log");
        Map<String, AtomicInteger> acknowledgedPerCase = new ConcurrentHashMap<>();
        AtomicInteger acknowledged = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(1);
        AtomicBoolean running = new AtomicBoolean(true);

        ServiceProcess service = ServiceProcess.start(data, log);
        String token = service.bearerToken("POLICE_OFFICER");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long started = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                // Each client works on its own cases, so the n-th acknowledged command of a case is its event n.
                while (running.get()) {
                    String caseId = UUID.randomUUID().toString();
                    AtomicInteger events = acknowledgedPerCase.computeIfAbsent(caseId, id -> new AtomicInteger());
                    for (int i = 0; i < COMMANDS_PER_CASE && running.get(); i++) {
                        String path = i == 0 ? "/api/cases" : "/api/cases/" + caseId + "/victim-contacts";
                        String body = i == 0
                                ? "{\"caseId\":\"" + caseId + "\",\"channel\":\"ONLINE\",\"occurredAt\":\"2026-03-01T20:15:00Z\"}"
                                : "{\"channel\":\"PHONE\",\"informedBy\":\"PC 1\",\"occurredAt\":\"2026-03-02T10:00:00Z\"}";
                        if (post(http, service, token, path, body) != 201) {
                            return;
                        }
                        events.incrementAndGet();
                        if (acknowledged.incrementAndGet() == ACKNOWLEDGED_BEFORE_KILL) {
                            enough.countDown();
                        }
                    }
                }
            });
        }
        assertThat(enough.await(120, TimeUnit.SECONDS)).as("%d commands acknowledged", ACKNOWLEDGED_BEFORE_KILL).isTrue();
        double seconds = (System.nanoTime() - started) / 1e9;
        service.killHard();
        running.set(false);
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.SECONDS);
        int acknowledgedAtKill = acknowledged.get();

        int present = countStoredEvents(data, acknowledgedPerCase);
        System.out.printf("kill -9: %d of %d acknowledged commands present after restart (%.0f commands/s with %d clients)%n",
                present, acknowledgedAtKill, ACKNOWLEDGED_BEFORE_KILL / seconds, CLIENTS);
        assertThat(present).isEqualTo(acknowledgedAtKill);

        // The restarted service's embedded store on a known port, so that its read models can be read while it runs.
        int storePort = ServiceProcess.freePort();
        List<String> onPort = List.of("--vjt.store.embedded-port=" + storePort);
        Map<String, Map<Object, Document>> kept;
        try (ServiceProcess restarted = ServiceProcess.start(data, log, onPort)) {
            String restartedToken = restarted.bearerToken("POLICE_OFFICER");
            // A finished case: one still in progress at the kill may hold a stored but unacknowledged command.
            Map.Entry<String, AtomicInteger> someCase = acknowledgedPerCase.entrySet().stream()
                    .filter(e -> e.getValue().get() == COMMANDS_PER_CASE).findFirst().orElseThrow();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        restarted.uri("/api/cases/" + someCase.getKey())).header("Authorization", "Bearer " + restartedToken).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("\"victimContacts\":" + (someCase.getValue().get() - 1));
            });
            kept = caughtUpReadModels(storePort, acknowledgedPerCase);
        }

        // The read models the processors resumed after the kill (from tokens committed with the documents they vouch
        // for, never ahead of them) are those a fresh replay of the same events builds.
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            SharedStoreFixture.forgetReadModels(client.getDatabase("victims"));
        }
        try (ServiceProcess replaying = ServiceProcess.start(data, log, onPort);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + storePort)) {
            MongoDatabase database = client.getDatabase("victims");
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(SharedStoreFixture.differences(SharedStoreFixture.readModels(database), kept))
                            .as("read models kept through kill -9 that differ from a fresh replay").isEmpty());
        }
        System.out.printf("kill -9 on the embedded store: read models (%d case summaries) equal a fresh replay%n",
                kept.get(CaseSummaryProjection.COLLECTION).size());
    }

    /** The restarted service's read models once its processors have caught up with every acknowledged command. */
    private static Map<String, Map<Object, Document>> caughtUpReadModels(int storePort, Map<String, AtomicInteger> acknowledgedPerCase) {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + storePort)) {
            MongoDatabase database = client.getDatabase("victims");
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                   .untilAsserted(() -> SharedStoreFixture.assertCaughtUp(database, acknowledgedPerCase));
            return SharedStoreFixture.readModels(database);
        }
    }

    /** Opens the killed service's store directly and finds each acknowledged event by its stream claim. */
    private static int countStoredEvents(Path data, Map<String, AtomicInteger> acknowledgedPerCase) {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase database = client.getDatabase("victims");
            List<String> keys = new ArrayList<>();
            acknowledgedPerCase.forEach((caseId, count) -> {
                for (int seq = 0; seq < count.get(); seq++) {
                    keys.add(caseId + "/" + seq);
                }
            });
            Map<String, Long> commitOf = new HashMap<>();
            database.getCollection("event_streams").find(in("_id", keys))
                    .forEach(claim -> commitOf.put(claim.getString("_id"), claim.get("c", Number.class).longValue()));
            Set<Long> realCommits = database.getCollection("events").find(in("_id", Set.copyOf(commitOf.values())))
                    .into(new ArrayList<>()).stream()
                    .filter(commit -> !commit.getBoolean("void", false))
                    .map(commit -> commit.get("_id", Number.class).longValue())
                    .collect(Collectors.toSet());
            return (int) commitOf.values().stream().filter(realCommits::contains).count();
        }
    }

    private static int post(HttpClient http, ServiceProcess service, String token, String path, String json) {
        try {
            return http.send(HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(30))
                                        .header("Content-Type", "application/json")
                                        .header("Authorization", "Bearer " + token)
                                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception connectionLostAtKill) {
            return -1;
        }
    }
}
