package uk.london.victims.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.london.victims.web.SharedStoreFixture.send;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import uk.london.victims.web.security.AgencyRole;
import uk.london.victims.web.security.TestIdentityProvider;

/**
 * kill -9, again and again, of the service and of the store-only process under it, while clients keep
 * recording journeys: every acknowledged command is stored afterwards, the processors resume from their
 * tokens, and the read models equal a fresh replay. The load is a seeded random walk through a journey
 * over HTTP (the bench module's generator drives the command gateway in-process, not a child JVM).
 * Rounds: {@code -Dvjt.kill.rounds} (CI: 2, one of each kind); acknowledgements between kills:
 * {@code -Dvjt.kill.between}.
 */
class RepeatedKillTest {

    private static final int ROUNDS = Integer.getInteger("vjt.kill.rounds", 2);
    private static final int BETWEEN_KILLS = Integer.getInteger("vjt.kill.between", 80);
    private static final long SEED = Long.getLong("vjt.kill.seed", 20260301L);
    private static final int CLIENTS = 4;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, AtomicInteger> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger acknowledgedTotal = new AtomicInteger();
    private final List<String> wrongAnswers = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    void acknowledgedCommandsAndReadModelsSurviveRepeatedKills() throws Exception {
        Path data = Files.createTempDirectory("vjt-kills-");
        Path logs = Path.of("target");
        int storePort = ServiceProcess.freePort();
        try (TestIdentityProvider identity = TestIdentityProvider.start()) {
            Map<String, String> environment = SharedStoreFixture.sharedEnvironment(identity.issuer(), Map.of());
            List<String> arguments = List.of("--vjt.axon.token-claim-timeout=4s", "--vjt.axon.token-claim-interval=1s",
                    "--vjt.axon.balance-every=1s", "--vjt.store.gap-timeout=2s");
            String police = identity.token(AgencyRole.POLICE_OFFICER);
            AtomicReference<StoreProcess> store = new AtomicReference<>(
                    StoreProcess.start(data, storePort, logs.resolve("kills-store.log")));
            AtomicReference<ServiceProcess> service = new AtomicReference<>();
            try {
                service.set(ServiceProcess.startShared(store.get().uri(), logs.resolve("kills-service.log"), environment, arguments));
                killRepeatedly(service, store, data, storePort, environment, arguments, police, logs);
            } finally {
                if (service.get() != null && service.get().isAlive()) {
                    service.get().close();
                }
                store.get().close();
            }
        }
    }

    private void killRepeatedly(AtomicReference<ServiceProcess> service, AtomicReference<StoreProcess> store, Path data,
                                int storePort, Map<String, String> environment, List<String> arguments, String police,
                                Path logs) throws Exception {
            String uri = store.get().uri();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(SEED + c);
                clients.submit(() -> {
                    while (running.get()) {
                        journey(random, service.get(), police, running);
                    }
                });
            }
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    awaitMoreAcknowledged(BETWEEN_KILLS);
                    if (round % 2 == 0) {
                        service.get().killHard();
                        service.set(ServiceProcess.startShared(uri, logs.resolve("kills-service.log"), environment, arguments));
                    } else {
                        store.get().killHard();
                        store.set(StoreProcess.start(data, storePort, logs.resolve("kills-store.log")));
                    }
                }
                awaitMoreAcknowledged(BETWEEN_KILLS / 2);
            } finally {
                running.set(false);
                clients.shutdown();
                clients.awaitTermination(90, TimeUnit.SECONDS);
            }

            assertThat(wrongAnswers).isEmpty();
            try (MongoClient client = MongoClients.create(uri)) {
                MongoDatabase database = client.getDatabase("victims");
                int present = 0;
                for (Map.Entry<String, AtomicInteger> entry : acknowledged.entrySet()) {
                    int count = entry.getValue().get();
                    List<Long> stored = SharedStoreFixture.storedSequences(database, entry.getKey(), count + 2);
                    assertThat(stored).as("case %s: its %d acknowledged events", entry.getKey(), count)
                            .containsAll(LongStream.range(0, count).boxed().toList());
                    present += count;
                }
                System.out.printf("repeated kill -9 (%d rounds, seed %d): %d of %d acknowledged commands present in %d cases%n",
                        ROUNDS, SEED, present, acknowledgedTotal.get(),
                        acknowledged.values().stream().filter(count -> count.get() > 0).count());

                // The processors resumed from their tokens after each kill and caught up with everything acknowledged.
                await().atMost(Duration.ofSeconds(120))
                       .untilAsserted(() -> SharedStoreFixture.assertCaughtUp(database, acknowledged));
                service.get().close();
                SeveralInstancesTest.assertReadModelsEqualAFreshReplay(database, store.get(), environment,
                        logs.resolve("kills-replay.log"));
            }
    }

    /**
     * One victim's journey, chosen at random step by step, through whichever service is current. The first
     * refused or failed command ends it, so a case's acknowledged commands are exactly its first events.
     */
    private void journey(Random random, ServiceProcess service, String police, AtomicBoolean running) {
        String caseId = UUID.randomUUID().toString();
        String base = "/api/cases/" + caseId;
        Instant at = Instant.parse("2026-01-01T08:00:00Z").plus(Duration.ofMinutes(random.nextInt(300_000)));
        List<String[]> steps = new ArrayList<>();
        steps.add(new String[] {"/api/cases", "{\"caseId\":\"" + caseId + "\",\"channel\":\"ONLINE\",\"occurredAt\":\"" + at + "\"}"});
        String[] boroughs = {"HACKNEY", "CAMDEN", "CROYDON", "LAMBETH", "NEWHAM", "BARNET"};
        String[] offences = {"BURGLARY_RESIDENTIAL", "ROBBERY", "THEFT", "CRIMINAL_DAMAGE_AND_ARSON", "VEHICLE_OFFENCE"};
        steps.add(new String[] {base + "/crime-record", "{\"crimeReference\":\"CRIS-" + caseId.substring(0, 8) + "\",\"offence\":\""
                + offences[random.nextInt(offences.length)] + "\",\"borough\":\"" + boroughs[random.nextInt(boroughs.length)]
                + "\",\"occurredAt\":\"" + at.plusSeconds(600) + "\"}"});
        if (random.nextInt(4) == 0) {
            steps.add(new String[] {base + "/suspects", "{\"suspectId\":\"S1\",\"occurredAt\":\"" + at.plusSeconds(3600) + "\"}"});
            steps.add(new String[] {base + "/suspects/S1/arrests", "{\"occurredAt\":\"" + at.plusSeconds(7200) + "\"}"});
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            steps.add(new String[] {base + "/victim-contacts", "{\"channel\":\"PHONE\",\"informedBy\":\"PC 1\",\"occurredAt\":\""
                    + at.plusSeconds(86_400L * (i + 1)) + "\"}"});
        }
        AtomicInteger events = acknowledged.computeIfAbsent(caseId, id -> new AtomicInteger());
        for (String[] step : steps) {
            if (!running.get()) {
                return;
            }
            int status;
            try {
                HttpResponse<String> response = send(http, service, police, "POST", step[0], step[1], Map.of());
                status = response.statusCode();
            } catch (RuntimeException connectionLostAtKill) {
                status = -1;
            }
            if (status != 201) {
                if (status != -1 && status != 503) {
                    // A crash may fail a command (no answer, or 503), never answer it wrongly.
                    wrongAnswers.add(step[0] + " answered " + status);
                }
                pause();
                return;
            }
            events.incrementAndGet();
            acknowledgedTotal.incrementAndGet();
        }
    }

    private void awaitMoreAcknowledged(int more) {
        int target = acknowledgedTotal.get() + more;
        await().atMost(Duration.ofSeconds(180)).until(() -> acknowledgedTotal.get() >= target || !wrongAnswers.isEmpty());
        assertThat(wrongAnswers).isEmpty();
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
