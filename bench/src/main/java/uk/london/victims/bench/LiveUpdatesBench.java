package uk.london.victims.bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.ConcurrentHistogram;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import uk.london.victims.application.store.EmbeddedMongoStore;
import uk.london.victims.web.VictimJourneyTrackerApplication;

/**
 * Issue 15, section 3: open case pages are pushed their updates, not polled. The service runs as an
 * instance on a shared store (the embedded store started apart, reached through {@link CountingStoreProxy},
 * which counts every command by collection). {@code pages} portal pages stay open on {@code cases} signed-in
 * cases; the store's commands are counted over an idle window with no pages open and again with them all
 * open; then an officer records a step on each case through the API and the time until each open page of
 * the case receives it is measured. Prints its figures as Markdown.
 *
 * <p>{@code ./mvnw -B -pl bench -am verify -Plive -DskipTests} ({@code -Dlive.pages}, {@code -Dlive.cases},
 * {@code -Dlive.idleSeconds}).
 */
public final class LiveUpdatesBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");
    private static final Pattern CODE = Pattern.compile("track your case is (\\d{6})");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String base;
    private String police;

    public static void main(String[] args) throws Exception {
        int pages = Integer.getInteger("live.pages", 2000);
        int cases = Integer.getInteger("live.cases", 20);
        int idleSeconds = Integer.getInteger("live.idleSeconds", 30);
        new LiveUpdatesBench().run(pages, cases, idleSeconds);
        System.exit(0);
    }

    private void run(int pages, int cases, int idleSeconds) throws Exception {
        Path data = Files.createTempDirectory("vjt-live-");
        EmbeddedMongoStore store = EmbeddedMongoStore.start(data, "127.0.0.1", 0);
        URI storeUri = URI.create(store.connectionString());
        CountingStoreProxy proxy = new CountingStoreProxy(new InetSocketAddress(storeUri.getHost(), storeUri.getPort()));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(VictimJourneyTrackerApplication.class).run(
                "--server.port=0", "--vjt.store.uri=mongodb://127.0.0.1:" + proxy.port(), "--vjt.demo.enabled=true",
                "--vjt.vault.master-key=" + Base64.getEncoder().encodeToString(key), "--vjt.demo-data=false",
                "--vjt.proxy.trusted-proxies=127.0.0.1,::1", "--vjt.security.issuer-uri=", "--vjt.security.jwk-set-uri=",
                "--logging.level.root=WARN", "--axoniq.update-checker.disabled=true", "--vjt.portal.client-attempts=100000");
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        police = token();

        List<String> caseIds = new ArrayList<>();
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            String caseId = journey(i);
            caseIds.add(caseId);
            sessions.add(signIn(caseId, "CRIS-LIVE-" + i, "10.9." + (i / 250) + "." + (i % 250 + 1)));
            if ((i + 1) % 10 == 0) {
                System.out.printf("live: %d of %d cases signed in%n", i + 1, cases);
            }
        }
        System.out.printf("live: %d cases signed in%n", cases);

        Map<String, Long> beforeQuiet = quiet(proxy, idleSeconds);

        Map<String, List<Long>> sentAt = new ConcurrentHashMap<>();
        ConcurrentHistogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(1), 3);
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger delivered = new AtomicInteger();
        List<CompletableFuture<?>> streams = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            String caseId = caseIds.get(p % cases);
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/track/updates?since=-1"))
                    .header("Accept", "text/event-stream").header("Cookie", "SESSION=" + sessions.get(p % cases))
                    .header("X-Forwarded-For", "10.8.0.1").build();
            streams.add(http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(String line) {
                    if (line.startsWith(":connected")) {
                        connected.incrementAndGet();
                    } else if (line.startsWith("data:")) {
                        List<Long> sent = sentAt.get(caseId);
                        if (sent != null && !sent.isEmpty()) {
                            latency.recordValue(System.nanoTime() - sent.get(sent.size() - 1));
                            delivered.incrementAndGet();
                        }
                    }
                }

                @Override
                public void onError(Throwable throwable) {
                }

                @Override
                public void onComplete() {
                }
            })));
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (connected.get() < pages && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        System.out.printf("live: %d of %d pages open%n", connected.get(), pages);
        Map<String, Long> openQuiet = quiet(proxy, idleSeconds);

        // Each page was sent its case's steps when it connected; from here each update sends one event per page.
        long started = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            String caseId = caseIds.get(i);
            sentAt.computeIfAbsent(caseId, c -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(System.nanoTime());
            post("/api/cases/" + caseId + "/officer-assignments", "{\"officerId\":\"PC-LIVE\",\"unit\":\"MPS-NE-CID\","
                    + "\"occurredAt\":\"2026-03-04T09:00:00Z\"}");
            Thread.sleep(100);
        }
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (delivered.get() < connected.get() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        double rate = cases / ((System.nanoTime() - started) / 1e9);

        System.out.println();
        System.out.printf("| pages open | %,d (on %,d cases, %d per case) |%n", connected.get(), cases, pages / cases);
        System.out.printf("| store commands in %d s idle, no pages open | %s |%n", idleSeconds, summary(beforeQuiet));
        System.out.printf("| store commands in %d s idle, all pages open | %s |%n", idleSeconds, summary(openQuiet));
        System.out.printf("| updates delivered | %,d of %,d expected (%d updates at %.1f/s) |%n", delivered.get(), connected.get(), cases, rate);
        System.out.printf("| update to open page, p50 / p95 / p99 / max | %.1f / %.1f / %.1f / %.1f ms |%n",
                latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(95) / 1e6,
                latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6);
        streams.forEach(s -> s.cancel(true));
        app.close();
        proxy.close();
        store.close();
    }

    /** The commands the store received in a quiet window of this many seconds, by command and collection. */
    private static Map<String, Long> quiet(CountingStoreProxy proxy, int seconds) throws InterruptedException {
        Thread.sleep(2_000);
        Map<String, Long> before = proxy.snapshot();
        Thread.sleep(seconds * 1000L);
        Map<String, Long> after = proxy.snapshot();
        Map<String, Long> during = new java.util.TreeMap<>();
        after.forEach((name, count) -> {
            long n = count - before.getOrDefault(name, 0L);
            if (n > 0) {
                during.put(name, n);
            }
        });
        return during;
    }

    private static String summary(Map<String, Long> commands) {
        long reads = commands.entrySet().stream().filter(e -> e.getKey().startsWith("find") && !e.getKey().startsWith("findAndModify")
                || e.getKey().startsWith("getMore") || e.getKey().startsWith("aggregate") || e.getKey().startsWith("count"))
                .mapToLong(Map.Entry::getValue).sum();
        return "%,d reads; all: %s".formatted(reads, commands);
    }

    private String journey(int i) throws Exception {
        String caseId = UUID.randomUUID().toString();
        post("/api/cases", "{\"caseId\":\"" + caseId + "\",\"channel\":\"ONLINE\",\"occurredAt\":\"2026-03-01T20:15:00Z\"}");
        post("/api/cases/" + caseId + "/crime-record", "{\"crimeReference\":\"CRIS-LIVE-" + i
                + "\",\"offence\":\"BURGLARY_RESIDENTIAL\",\"borough\":\"HACKNEY\",\"occurredAt\":\"2026-03-01T21:00:00Z\"}");
        post("/api/cases/" + caseId + "/victims", "{\"kind\":\"DIRECT_VICTIM\",\"personalDetails\":{\"name\":\"Synthetic Live "
                + i + "\",\"phone\":\"07700900" + String.format("%03d", i % 1000) + "\"},\"occurredAt\":\"2026-03-01T21:10:00Z\"}");
        return caseId;
    }

    private String signIn(String caseId, String reference, String address) throws Exception {
        Map<String, String> browser = new HashMap<>();
        browser.put("address", address);
        page(browser, "GET", "/track/sign-in", null);
        String code = null;
        // On a loaded machine a code now and then does not come: ask again, as a victim would.
        for (int asked = 0; code == null && asked < 4; asked++) {
            page(browser, "POST", "/track/sign-in", "reference=" + URLEncoder.encode(reference, StandardCharsets.UTF_8));
            for (int tries = 0; code == null && tries < 400; tries++) {
                Matcher found = CODE.matcher(http.send(HttpRequest.newBuilder(URI.create(base + "/demo/sign-in-codes?caseId=" + caseId)).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                if (found.find()) {
                    code = found.group(1);
                } else {
                    Thread.sleep(50);
                }
            }
        }
        if (code == null) {
            throw new IllegalStateException("no sign-in code for " + reference + " after asking four times");
        }
        page(browser, "GET", "/track/code", null);
        HttpResponse<String> in = page(browser, "POST", "/track/code", "code=" + code);
        if (in.statusCode() != 303) {
            throw new IllegalStateException("sign-in failed for " + reference + ": " + in.statusCode());
        }
        return browser.get("session");
    }

    private HttpResponse<String> page(Map<String, String> browser, String method, String path, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("X-Forwarded-For", browser.get("address"));
        if (browser.containsKey("session")) {
            request.header("Cookie", "SESSION=" + browser.get("session"));
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                   .method(method, HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + URLEncoder.encode(browser.get("csrf"), StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            Matcher session = SESSION.matcher(cookie);
            if (session.lookingAt()) {
                browser.put("session", session.group(1));
            }
        }
        Matcher csrf = CSRF.matcher(response.body());
        if (csrf.find()) {
            browser.put("csrf", csrf.group(1));
        }
        return response;
    }

    private String token() throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "/demo/tokens")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"role\":\"POLICE_OFFICER\",\"unit\":\"MPS-NE-CID\",\"bcu\":\"NE\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(body);
        if (!token.find()) {
            throw new IllegalStateException("no demo token: " + body);
        }
        return token.group(1);
    }

    private void post(String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + police).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
