package uk.london.victims.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.london.victims.web.SharedStoreFixture.json;
import static uk.london.victims.web.SharedStoreFixture.owners;
import static uk.london.victims.web.SharedStoreFixture.send;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import uk.london.victims.application.notifications.VictimNotifications;
import uk.london.victims.projections.casesummary.CaseSummaryProjection;
import uk.london.victims.projections.timeline.CaseTimelineProjection;
import uk.london.victims.web.SharedStoreFixture.StandInNotify;
import uk.london.victims.web.security.AgencyRole;
import uk.london.victims.web.security.TestIdentityProvider;

/**
 * Two service instances on one store-only process, as two instances would share a replica set: the case
 * stays consistent when both change it at once, the processors' segments are shared and taken over
 * when an instance dies, each victim notice is sent once, and the read models equal a fresh replay.
 */
class SeveralInstancesTest {

    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(6);
    private static final List<String> PROCESSORS = List.of(CaseSummaryProjection.PROCESSING_GROUP,
            CaseTimelineProjection.PROCESSING_GROUP, VictimNotifications.PROCESSING_GROUP);
    private static final int RACES = Integer.getInteger("vjt.several.races", 8);
    private static final int NOTIFIED_CASES = Integer.getInteger("vjt.several.cases", 4);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void twoInstancesOnOneStore() throws Exception {
        Path data = Files.createTempDirectory("vjt-several-");
        Path logs = Path.of("target");
        try (TestIdentityProvider identity = TestIdentityProvider.start();
             StandInNotify notify = new StandInNotify();
             StoreProcess store = StoreProcess.start(data, ServiceProcess.freePort(), logs.resolve("several-store.log"));
             MongoClient client = MongoClients.create(store.uri())) {
            MongoDatabase database = client.getDatabase("victims");
            Map<String, String> environment = SharedStoreFixture.sharedEnvironment(identity.issuer(), notify.environment());
            List<String> arguments = List.of("--vjt.notify.base-url=" + notify.url(), "--vjt.notify.dispatch-every=300ms",
                    "--vjt.axon.token-claim-timeout=" + CLAIM_TIMEOUT.toSeconds() + "s",
                    "--vjt.axon.token-claim-interval=1s", "--vjt.axon.balance-every=1s");
            String police = identity.token(AgencyRole.POLICE_OFFICER);
            ServiceProcess a = ServiceProcess.startShared(store.uri(), logs.resolve("several-a.log"), environment, arguments);
            ServiceProcess b = ServiceProcess.startShared(store.uri(), logs.resolve("several-b.log"), environment, arguments);
            List<ServiceProcess> both = List.of(a, b);
            try {
                concurrentChangesThroughBothStayConsistent(database, both, police);

                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                    for (String processor : PROCESSORS) {
                        Map<Integer, String> owners = owners(database, processor);
                        assertThat(owners).as(processor).hasSize(4);
                        assertThat(owners.values()).as("%s split between instances", processor)
                                .filteredOn(owner -> owner != null && owner.startsWith(a.ownerPrefix())).hasSize(2);
                        assertThat(owners.values()).as("%s split between instances", processor)
                                .filteredOn(owner -> owner != null && owner.startsWith(b.ownerPrefix())).hasSize(2);
                    }
                });

                List<String> notified = new ArrayList<>();
                for (int i = 0; i < NOTIFIED_CASES; i++) {
                    notified.add(journeyWithNotices(both, police, i));
                }
                // Two notices per case (arrest, interview), each by email, each sent once although both
                // instances poll the outbox every 300 ms.
                awaitNoticesSentOnce(notify, 2 * NOTIFIED_CASES);
                for (String caseId : notified) {
                    awaitVictimContacts(b, police, caseId, 2);
                }
                portalAcrossInstances(a, b, police, notify, notified.get(0));

                long killedAt = System.nanoTime();
                a.killHard();
                await().atMost(CLAIM_TIMEOUT.plusSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    for (String processor : PROCESSORS) {
                        assertThat(owners(database, processor).values()).as(processor + " taken over")
                                .allMatch(owner -> owner != null && owner.startsWith(b.ownerPrefix()));
                    }
                });
                double handover = (System.nanoTime() - killedAt) / 1e9;
                System.out.printf("several instances: segments of the killed instance taken over after %.1f s"
                                  + " (claim timeout %d s)%n", handover, CLAIM_TIMEOUT.toSeconds());

                // The survivor now processes everything, the killed instance's notices included.
                String afterKill = journeyWithNotices(List.of(b), police, NOTIFIED_CASES);
                awaitNoticesSentOnce(notify, 2 * NOTIFIED_CASES + 2);
                awaitVictimContacts(b, police, afterKill, 2);
            } finally {
                for (ServiceProcess service : both) {
                    if (service.isAlive()) {
                        service.close();
                    }
                }
            }
            assertReadModelsEqualAFreshReplay(database, store, environment, logs.resolve("several-replay.log"));
        }
    }

    /**
     * No sticky sessions (ADR 0029): a victim signs in on A and carries on at B; a page open on B is told of a
     * step recorded through A, whichever instance projects it; and signing out everywhere from B ends the
     * session of another device on A.
     */
    private void portalAcrossInstances(ServiceProcess a, ServiceProcess b, String police, StandInNotify notify, String caseId)
            throws Exception {
        String reference = "CRIS-" + caseId.substring(0, 8);
        PortalDevice phone = new PortalDevice(http);
        PortalDevice laptop = new PortalDevice(http);
        phone.signIn(a, reference, notify.codes);
        laptop.signIn(a, reference, notify.codes);
        assertThat(phone.get(a, "/track").statusCode()).isEqualTo(200);

        HttpResponse<String> onB = laptop.get(b, "/track");
        assertThat(onB.statusCode()).as("signed in on A, carrying on at B").isEqualTo(200);
        assertThat(onB.body()).contains("Your case");
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("data-version=\"(\\d+)\"").matcher(onB.body());
        assertThat(version.find()).isTrue();

        HttpResponse<java.util.stream.Stream<String>> stream = laptop.updates(b, Long.parseLong(version.group(1)));
        assertThat(stream.statusCode()).isEqualTo(200);
        java.util.concurrent.CompletableFuture<String> steps = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                stream.body().filter(line -> line.startsWith("data:")).findFirst().orElse(""));
        expect201(send(http, a, police, "POST", "/api/cases/" + caseId + "/officer-assignments",
                "{\"officerId\":\"PC-SEVERAL\",\"unit\":\"TEST-Unit\",\"occurredAt\":\"2026-03-04T09:00:00Z\"}", Map.of()));
        assertThat(steps.get(30, java.util.concurrent.TimeUnit.SECONDS)).as("a step recorded through A, pushed to the page on B")
                .contains("An officer is looking after your case");
        stream.body().close();

        assertThat(laptop.post(b, "/track/sign-out-everywhere", Map.of()).statusCode()).isEqualTo(303);
        HttpResponse<String> phoneOnA = phone.get(a, "/track");
        assertThat(phoneOnA.statusCode()).as("signed out everywhere from B, so the phone's session on A ends").isIn(302, 303);
        assertThat(phoneOnA.headers().firstValue("Location")).hasValue("/track/sign-in");
    }

    /**
     * Both instances change one case at the same moment. With the same If-Match exactly one may win; without
     * it each either wins or answers 409. Either way the stored history holds exactly the winners, in
     * unbroken order.
     */
    private void concurrentChangesThroughBothStayConsistent(MongoDatabase database, List<ServiceProcess> both,
                                                            String police) throws Exception {
        String caseId = report(both.get(0), police);
        long version = 0;
        int accepted = 1;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int race = 0; race < RACES; race++) {
                long expected = version;
                List<Callable<HttpResponse<String>>> racers = new ArrayList<>();
                for (int r = 0; r < 4; r++) {
                    ServiceProcess through = both.get(r % 2);
                    Map<String, String> headers = race % 2 == 0 ? Map.of("If-Match", "\"" + expected + "\"") : Map.of();
                    racers.add(() -> send(http, through, police, "POST", "/api/cases/" + caseId + "/victim-contacts",
                            "{\"channel\":\"PHONE\",\"informedBy\":\"PC 1\",\"occurredAt\":\"2026-03-02T10:00:00Z\"}", headers));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<HttpResponse<String>> answer : pool.invokeAll(racers)) {
                    HttpResponse<String> response = answer.get();
                    statuses.add(response.statusCode());
                    if (response.statusCode() == 201) {
                        version = Math.max(version, json(response).get("version").asLong());
                    }
                }
                assertThat(statuses).as("race %d", race).allMatch(status -> status == 201 || status == 409);
                long winners = statuses.stream().filter(status -> status == 201).count();
                if (race % 2 == 0) {
                    assertThat(winners).as("one winner for If-Match \"%d\"", expected).isEqualTo(1);
                } else {
                    assertThat(winners).as("at least one winner without If-Match").isPositive();
                }
                accepted += (int) winners;
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(SharedStoreFixture.storedSequences(database, caseId, accepted + 20))
                .as("every acknowledged change stored once, in order")
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, accepted).boxed().toList());
        assertThat(version).isEqualTo(accepted - 1);
    }

    /** A case whose victim chose email, with two events the Code says she must be told about; steps alternate instances. */
    private String journeyWithNotices(List<ServiceProcess> instances, String police, int n) {
        AtomicInteger step = new AtomicInteger();
        java.util.function.Supplier<ServiceProcess> next = () -> instances.get(step.getAndIncrement() % instances.size());
        String caseId = report(next.get(), police);
        String base = "/api/cases/" + caseId;
        expect201(send(http, next.get(), police, "POST", base + "/crime-record", "{\"crimeReference\":\"CRIS-" + caseId.substring(0, 8)
                + "\",\"offence\":\"ROBBERY\",\"borough\":\"HACKNEY\",\"occurredAt\":\"2026-03-01T21:00:00Z\"}", Map.of()));
        HttpResponse<String> victim = expect201(send(http, next.get(), police, "POST", base + "/victims",
                "{\"kind\":\"DIRECT_VICTIM\",\"personalDetails\":{\"name\":\"Synthetic Victim " + n + "\",\"email\":\"victim" + n
                + "@example.invalid\"},\"occurredAt\":\"2026-03-01T21:10:00Z\"}", Map.of()));
        String victimId = json(victim).get("createdId").asText();
        expect201(send(http, next.get(), police, "POST", base + "/victims/" + victimId + "/contact-preferences",
                "{\"channels\":[\"EMAIL\"],\"occurredAt\":\"2026-03-01T21:20:00Z\"}", Map.of()));
        expect201(send(http, next.get(), police, "POST", base + "/suspects",
                "{\"suspectId\":\"S1\",\"occurredAt\":\"2026-03-03T09:00:00Z\"}", Map.of()));
        expect201(send(http, next.get(), police, "POST", base + "/suspects/S1/arrests",
                "{\"occurredAt\":\"2026-03-03T10:00:00Z\"}", Map.of()));
        expect201(send(http, next.get(), police, "POST", base + "/suspects/S1/interviews",
                "{\"admittedOffence\":false,\"occurredAt\":\"2026-03-03T14:00:00Z\"}", Map.of()));
        return caseId;
    }

    private String report(ServiceProcess service, String police) {
        String caseId = UUID.randomUUID().toString();
        expect201(send(http, service, police, "POST", "/api/cases",
                "{\"caseId\":\"" + caseId + "\",\"channel\":\"ONLINE\",\"occurredAt\":\"2026-03-01T20:15:00Z\"}", Map.of()));
        return caseId;
    }

    private static HttpResponse<String> expect201(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(201);
        return response;
    }

    private static void awaitNoticesSentOnce(StandInNotify notify, int expected) throws InterruptedException {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(notify.sends).hasSize(expected));
        // Give any second sender several dispatch rounds in which to (wrongly) send again.
        Thread.sleep(2_000);
        assertThat(notify.sends).hasSize(expected);
        assertThat(notify.sends.values()).as("sends per notice").allMatch(count -> count.get() == 1);
    }

    private void awaitVictimContacts(ServiceProcess service, String police, String caseId, int expected) {
        // The delivery is recorded as "victim informed" evidence once, whichever instance sent it.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> summary = send(http, service, police, "GET", "/api/cases/" + caseId, null, Map.of());
            assertThat(summary.statusCode()).isEqualTo(200);
            assertThat(json(summary).get("victimContacts").asInt()).isEqualTo(expected);
        });
    }

    static void assertReadModelsEqualAFreshReplay(MongoDatabase database, StoreProcess store,
                                                  Map<String, String> environment, Path log) throws InterruptedException {
        Map<String, Map<Object, Document>> before = SharedStoreFixture.readModels(database);
        assertThat(before.get(CaseSummaryProjection.COLLECTION)).isNotEmpty();
        SharedStoreFixture.forgetReadModels(database);
        try (ServiceProcess replaying = ServiceProcess.startShared(store.uri(), log, environment, List.of())) {
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                    assertThat(SharedStoreFixture.differences(SharedStoreFixture.readModels(database), before))
                            .as("read models that differ from a fresh replay").isEmpty());
        }
        Collection<?> summaries = before.get(CaseSummaryProjection.COLLECTION).values();
        System.out.printf("read models (%d case summaries) equal a fresh replay%n", summaries.size());
    }
}
