package uk.london.victims.web.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

import reactor.netty.http.client.PrematureCloseException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import uk.london.victims.web.AxonDefaults;
import uk.london.victims.web.VictimJourneyTrackerApplication;
import uk.london.victims.web.security.AgencyRole;

/**
 * Every operation of the agency API, as {@code docs/openapi.json} describes it, called with generated
 * requests: bodies valid-ish or broken (missing, mistyped, unknown and oversized fields, bad JSON, the
 * wrong media type), path ids real, unknown or malformed, odd If-Match and Idempotency-Key headers,
 * query parameters in and out of range, and every role or none. The answer must be a documented 2xx or a
 * 4xx problem document without internal names; never a 5xx; and a 4xx must have recorded nothing.
 *
 * <p>Tries per run: {@code -Djqwik.tries.default=N} (CI: 1000, in {@code junit-platform.properties}). A
 * failure prints the request and jqwik's seed; the next run tries the failing sample first
 * ({@code target/jqwik-database}), and {@code @Property(seed = "…")} replays the whole run.
 */
class ApiFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger TRIED = new AtomicInteger();
    private static final AtomicInteger CLOSED_ON_OVERSIZED = new AtomicInteger();
    /** Reactor Netty's default longest request line (method, URI, version); longer ones get 414 from Netty itself. */
    private static final int MAX_REQUEST_LINE = 4096;
    /** spring.codec.max-in-memory-size: larger bodies are refused with 413. */
    private static final int REQUEST_LIMIT = 64 * 1024;
    private static final Map<Integer, AtomicInteger> STATUSES = new TreeMap<>();
    private static final List<String> LEAKS = List.of("Exception", "java.", "javax.", "jakarta.", "org.springframework",
            "com.mongodb", "org.axonframework", "uk.london.victims", "de.bwaldvogel", "\tat ", "reactor.");

    private static ConfigurableApplicationContext service;
    private static HttpClient http;
    private static String base;
    private static MongoDatabase database;
    private static Map<AgencyRole, String> tokens;
    private static Known known;
    private static List<Operation> operations;

    /** Ids that exist, so that generated requests reach past "no such case" into the rules. */
    record Known(String caseId, String victimId) {
    }

    record Operation(String method, String path, List<JsonNode> parameters, JsonNode body, List<Integer> documented) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeContainer
    static void startService() throws IOException {
        AxonDefaults.apply();
        Path data = Files.createTempDirectory("vjt-fuzz-");
        service = new SpringApplicationBuilder(VictimJourneyTrackerApplication.class).run(
                "--server.port=0", "--vjt.store.uri=", "--vjt.store.data-directory=" + data,
                "--vjt.security.issuer-uri=", "--vjt.security.jwk-set-uri=",
                // Sending notices would record evidence in the background, between a request and its check.
                "--vjt.notify.dispatch-every=24h", "--logging.level.root=WARN",
                // Each unknown case would otherwise log a stack trace; the answers are checked here instead.
                "--logging.level.org.axonframework.modelling.command.AbstractRepository=ERROR");
        base = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
        // HTTP/1.1 as agency systems call it; the JDK client would otherwise offer an h2c upgrade on every connection.
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        database = service.getBean(MongoDatabase.class);
        tokens = new EnumMap<>(AgencyRole.class);
        for (AgencyRole role : AgencyRole.values()) {
            tokens.put(role, demoToken(role));
        }
        known = journey();
        operations = operations(JSON.readTree(Path.of("..", "docs", "openapi.json").toFile()));
    }

    @AfterContainer
    static void stopService() {
        System.out.printf("API fuzz: %d generated requests over %d operations; answers by status %s;"
                          + " connection closed before an answer to an oversized body: %d%n",
                TRIED.get(), operations == null ? 0 : operations.size(), STATUSES, CLOSED_ON_OVERSIZED.get());
        if (service != null) {
            service.close();
        }
    }

    @Property
    void everyAnswerIsDocumentedAndNoFailureWritesAnything(@ForAll("operations") Operation operation,
                                                          @ForAll("roles") String role, @ForAll long seed) {
        Random random = new Random(seed);
        String path = pathFor(operation, random);
        Map<String, String> headers = new LinkedHashMap<>();
        String token = switch (role) {
            case "none" -> null;
            case "forged" -> "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
            default -> tokens.get(AgencyRole.valueOf(role));
        };
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        headers.putAll(headers(operation, random));
        Body body = operation.body() == null ? null : body(operation.body(), random);
        if (body != null) {
            headers.put("Content-Type", body.contentType());
        }

        String pathAndQuery = path + query(operation, random);
        long eventsBefore = storedEvents();
        Answer response;
        try {
            response = exchange(operation.method(), base + pathAndQuery, headers,
                    body == null ? null : body.text());
        } catch (RuntimeException e) {
            if (body != null && body.text().length() > REQUEST_LIMIT && hasCause(e, PrematureCloseException.class)) {
                // Refused unread (over the limit, or before the body mattered), the connection may close while
                // the client is still sending, and the answer is lost with it. Nothing may have been written.
                CLOSED_ON_OVERSIZED.incrementAndGet();
                assertThat(storedEvents()).as("events after an oversized request").isEqualTo(eventsBefore);
                TRIED.incrementAndGet();
                return;
            }
            // The service runs in this JVM: say in the failure itself (CI shows only its first lines) what its request
            // threads were doing, and print their whole stacks below.
            throw new AssertionError(operation + " as " + role + " to " + abbreviate(pathAndQuery) + " with "
                    + (body == null ? "no body" : body.contentType() + " " + abbreviate(body.text())) + ": no answer ("
                    + e + "); busy service threads: " + busyServiceThreads(), e);
        }
        long eventsAfter = storedEvents();
        TRIED.incrementAndGet();
        synchronized (STATUSES) {
            STATUSES.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
        }

        String what = operation + " as " + role + " to " + path + " with " + (body == null ? "no body" : abbreviate(body.text()))
                      + " answered " + response.statusCode() + " " + response.body();
        if (response.statusCode() == 414) {
            // A request line over the HTTP server's limit (Netty's 4,096 bytes) is refused before any of the service
            // runs: only such a line may get it, and nothing may be written.
            assertThat((operation.method() + " " + pathAndQuery + " HTTP/1.1").length())
                    .as(what).isGreaterThan(MAX_REQUEST_LINE);
            assertThat(eventsAfter).as("events stored by a refused request: " + what).isEqualTo(eventsBefore);
            return;
        }
        assertThat(response.statusCode()).as(what).isLessThan(500);
        assertThat(operation.documented()).as(what).contains(response.statusCode());
        if (response.statusCode() >= 400) {
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            assertThat(response.body()).as(what).doesNotContain(LEAKS);
            assertThat(eventsAfter).as("events stored by a refused request: " + what).isEqualTo(eventsBefore);
        }
    }

    /** Refused before its body is read (no right to post), a large body must still get its answer promptly. */
    @net.jqwik.api.Example
    void aLargeBodyRefusedUnreadStillGetsItsAnswer() {
        for (String role : List.of("COMMISSIONER", "none")) {
            for (String text : List.of("{\"padding\":\"" + "x".repeat(70_000) + "\"}", "[".repeat(2_000) + "]".repeat(2_000))) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/cases/" + known.caseId()
                                + "/suspects/S1/discontinuance")).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(text));
                if (!role.equals("none")) {
                    request.header("Authorization", "Bearer " + tokens.get(AgencyRole.valueOf(role)));
                }
                HttpResponse<String> response = send(request.build());
                assertThat(response.statusCode()).as(role + " " + text.length()).isIn(401, 403, 413);
            }
        }
    }

    /** Found by the fuzzer at try 6,362: an empty id left a path no controller serves, answered in Boot's own format. */
    @net.jqwik.api.Example
    void aPathNoControllerServesIsAProblemDocument() {
        Answer answer = exchange("GET", base + "/api/cases/", Map.of("Authorization", "Bearer " + tokens.get(AgencyRole.POLICE_OFFICER)), null);
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain(LEAKS);
    }

    @Provide
    Arbitrary<Operation> operations() {
        return Arbitraries.of(operations);
    }

    @Provide
    Arbitrary<String> roles() {
        List<String> roles = new ArrayList<>(List.of("none", "forged"));
        for (AgencyRole role : AgencyRole.values()) {
            roles.add(role.name());
            roles.add(role.name()); // staff far outnumber missing and forged tokens
        }
        return Arbitraries.of(roles);
    }

    // ------------------------------------------------------------------------------------ generation

    private static String pathFor(Operation operation, Random random) {
        String path = operation.path();
        for (JsonNode parameter : operation.parameters()) {
            if (parameter.path("in").asText().equals("path")) {
                String name = parameter.path("name").asText();
                path = path.replace("{" + name + "}", encode(pathId(name, random)));
            }
        }
        return path;
    }

    private static String pathId(String name, Random random) {
        return switch (random.nextInt(6)) {
            case 0, 1, 2 -> switch (name) {
                case "caseId" -> known.caseId();
                case "victimId", "personId" -> known.victimId();
                case "suspectId" -> "S1";
                case "hearingId" -> "H1";
                default -> java.util.UUID.randomUUID().toString();
            };
            case 3 -> java.util.UUID.randomUUID().toString();
            default -> oddString(random);
        };
    }

    private static String query(Operation operation, Random random) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.parameters()) {
            if (!parameter.path("in").asText().equals("query")) {
                continue;
            }
            boolean required = parameter.path("required").asBoolean(false);
            if (!required && random.nextInt(3) == 0 || required && random.nextInt(10) == 0) {
                continue;
            }
            JsonNode schema = resolve(parameter.path("schema"));
            String value = random.nextInt(4) == 0 ? oddString(random) : scalar(schema, random, parameter.path("name").asText());
            query.append(query.isEmpty() ? "?" : "&").append(parameter.path("name").asText()).append('=').append(encode(value));
        }
        if (random.nextInt(10) == 0) {
            query.append(query.isEmpty() ? "?" : "&").append("unknown=").append(encode(oddString(random)));
        }
        return query.toString();
    }

    private static Map<String, String> headers(Operation operation, Random random) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : operation.parameters()) {
            if (!parameter.path("in").asText().equals("header") || random.nextBoolean()) {
                continue;
            }
            String name = parameter.path("name").asText();
            String value = switch (name) {
                case "If-Match" -> pick(random, "\"0\"", "\"1\"", "\"" + random.nextInt(40) + "\"", "\"-1\"", "*", "W/\"2\"",
                        "\"99999999999999999999\"", "\"abc\"", "0", "\"\"", "\"1\", \"2\"");
                case "Idempotency-Key" -> pick(random, java.util.UUID.randomUUID().toString(), "retry-key-0001", "k",
                        "x".repeat(300), "key\twith\ttabs", " ", "a b c", "%00");
                // The JDK client sends only visible ASCII in headers; the firewall test covers the rest.
                default -> oddString(random).replaceAll("[^\\x20-\\x7e]", "?");
            };
            if (!value.isBlank() || name.equals("Idempotency-Key") && random.nextBoolean()) {
                headers.put(name, value.isBlank() ? "-" : value);
            }
        }
        return headers;
    }

    record Body(String contentType, String text) {
    }

    private static Body body(JsonNode schema, Random random) {
        int mutation = random.nextInt(20);
        try {
            return switch (mutation) {
                case 0 -> new Body("application/json", pick(random, "{", "", "[]", "null", "\"text\"", "{\"a\":", "{}}", "12"));
                case 1 -> new Body("text/plain", "occurredAt=2026-01-01T00:00:00Z");
                case 2 -> new Body("application/json", "{\"padding\":\"" + "x".repeat(70_000) + "\"}");
                case 3 -> new Body("application/json", "[".repeat(2_000) + "]".repeat(2_000));
                default -> {
                    Object value = value(resolve(schema), random, 0, "");
                    if (value instanceof Map<?, ?> map && !map.isEmpty() && mutation <= 8) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> fields = (Map<String, Object>) map;
                        String field = new ArrayList<>(fields.keySet()).get(random.nextInt(fields.size()));
                        switch (mutation) {
                            case 4 -> fields.remove(field);
                            case 5 -> fields.put(field, null);
                            case 6 -> fields.put(field, pick(random, 12, -1, true, List.of(1, 2), Map.of("x", 1), "wrong"));
                            case 7 -> fields.put("unexpected" + random.nextInt(3), "value");
                            default -> fields.put(field, oddString(random));
                        }
                    }
                    yield new Body("application/json", JSON.writeValueAsString(value));
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value for the schema, mostly plausible: what a careless but honest client might send. */
    private static Object value(JsonNode schema, Random random, int depth, String name) {
        if (schema.has("enum")) {
            return schema.path("enum").get(random.nextInt(schema.path("enum").size())).asText();
        }
        switch (schema.path("type").asText("object")) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (depth > 3) {
                    return object;
                }
                schema.path("properties").fields().forEachRemaining(property -> {
                    if (random.nextInt(6) != 0) {
                        object.put(property.getKey(), value(resolve(property.getValue()), random, depth + 1, property.getKey()));
                    }
                });
                return object;
            }
            case "array" -> {
                List<Object> array = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(resolve(schema.path("items")), random, depth + 1, name));
                }
                return array;
            }
            case "integer" -> {
                return pick(random, 0, 1, 2, 3, 5, 12, 30, -1, Integer.MAX_VALUE, random.nextInt(100));
            }
            case "number" -> {
                return pick(random, 0, 1.5, -3, 1e300);
            }
            case "boolean" -> {
                return random.nextBoolean();
            }
            default -> {
                return scalar(schema, random, name);
            }
        }
    }

    private static String scalar(JsonNode schema, Random random, String name) {
        if (schema.has("enum")) {
            return schema.path("enum").get(random.nextInt(schema.path("enum").size())).asText();
        }
        String format = schema.path("format").asText("");
        if (format.equals("date-time")) {
            return pick(random, "2026-03-01T20:15:00Z", "2026-03-05T11:00:00Z", "2026-06-01T00:00:00Z", "2025-01-01T00:00:00Z",
                    "2099-01-01T00:00:00Z", "1900-01-01T00:00:00Z", "2026-02-30T10:00:00Z", "2026-03-01T20:15:00",
                    "2026-03-01", "-999999999-01-01T00:00:00Z");
        }
        if (format.equals("date")) {
            return pick(random, "1990-05-01", "2010-12-31", "2099-01-01", "1990-13-01", "01/02/1990");
        }
        if (schema.path("type").asText().equals("integer")) {
            return pick(random, "0", "1", "10", "-5", "99999999999999999999");
        }
        return switch (name) {
            case "caseId", "victimId", "personId", "aboutCase" -> pick(random, known.caseId(), known.victimId(),
                    java.util.UUID.randomUUID().toString(), "not-a-uuid");
            case "suspectId" -> pick(random, "S1", "S2", "");
            case "hearingId" -> pick(random, "H1", "H2", "");
            case "crimeReference" -> pick(random, "CRIS-" + random.nextInt(100_000), "CRIS-EXAMPLE-1", "x", "CRIS/1/26");
            case "email" -> pick(random, "victim@example.invalid", "not-an-email", "");
            case "phone" -> pick(random, "07700 900123", "+44 7700 900123", "abc", "");
            case "bcu" -> pick(random, "CE", "AS", "ZZ");
            default -> pick(random, "Synthetic text", "S1", "H1", "", " ", "PC 1", "Thames Magistrates Court",
                    "x".repeat(random.nextInt(600)));
        };
    }

    private static String oddString(Random random) {
        return pick(random, "", " ", "0", "-1", "null", "undefined", "%", "..", "../../etc/passwd", "a/b", "ü✓",
                "<script>alert(1)</script>", "' OR 1=1 --", "{\"$gt\":\"\"}", "$where", "x".repeat(2_000), "\u0000", "9".repeat(40));
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    record Answer(int statusCode, String contentType, String body) {
    }

    /**
     * One request through Reactor Netty's client. The JDK client sometimes waited for ever on a reused
     * connection after the service had answered a request early without reading all of its body, while
     * the service sat idle: a client fault that says nothing about the service's answers.
     */
    private static Answer exchange(String method, String uri, Map<String, String> headers, String body) {
        reactor.netty.http.client.HttpClient client = FUZZ_CLIENT.headers(h -> headers.forEach(h::set));
        reactor.netty.http.client.HttpClient.RequestSender sender = client
                .request(io.netty.handler.codec.http.HttpMethod.valueOf(method)).uri(uri);
        reactor.netty.http.client.HttpClient.ResponseReceiver<?> receiver = body == null ? sender
                : sender.send(reactor.netty.ByteBufFlux.fromString(reactor.core.publisher.Mono.just(body)));
        return receiver.responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .map(text -> new Answer(response.status().code(),
                                response.responseHeaders().get("Content-Type", ""), text)))
                .block(Duration.ofSeconds(180));
    }

    /**
     * A new connection for every request: once in about thirty thousand requests over pooled connections, CI saw one
     * get no answer for three minutes (a GET refused with 401). Whether the client or the service lost it, the
     * failure now says what the service's threads were doing; a fresh connection keeps a stale pooled one out of it.
     */
    private static final reactor.netty.http.client.HttpClient FUZZ_CLIENT = reactor.netty.http.client.HttpClient.newConnection()
            .responseTimeout(Duration.ofSeconds(180));

    /**
     * The request threads that are not waiting for work, each with its first frame outside the JDK and Netty's
     * selector, and their whole stacks printed: what a request that got no answer was stuck behind.
     */
    private static String busyServiceThreads() {
        List<String> busy = new ArrayList<>();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (!thread.getName().contains("boundedElastic") && !thread.getName().contains("reactor-http")) {
                return;
            }
            System.out.println("Thread " + thread.getName() + " " + thread.getState());
            for (StackTraceElement frame : stack) {
                System.out.println("    at " + frame);
            }
            boolean idle = stack.length == 0 || stack[0].getMethodName().contains("epollWait") || Arrays.stream(stack)
                    .anyMatch(frame -> frame.getClassName().contains("ScheduledThreadPoolExecutor$DelayedWorkQueue"));
            if (!idle) {
                String where = Arrays.stream(stack)
                        .filter(frame -> !frame.getClassName().startsWith("java.") && !frame.getClassName().startsWith("jdk.")
                                         && !frame.getClassName().startsWith("sun."))
                        .findFirst().map(StackTraceElement::toString).orElse(stack[0].toString());
                busy.add(thread.getName() + " " + thread.getState() + " at " + where);
            }
        });
        return busy.isEmpty() ? "none" : String.join("; ", busy);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " characters)";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ------------------------------------------------------------------------------------ the description

    private static JsonNode description;

    private static List<Operation> operations(JsonNode openApi) {
        description = openApi;
        List<Operation> found = new ArrayList<>();
        openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            JsonNode operation = method.getValue();
            List<JsonNode> parameters = new ArrayList<>();
            operation.path("parameters").forEach(parameters::add);
            JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
            List<Integer> documented = new ArrayList<>();
            operation.path("responses").fieldNames().forEachRemaining(status -> documented.add(Integer.parseInt(status)));
            found.add(new Operation(method.getKey().toUpperCase(), path.getKey(), parameters, body.isMissingNode() ? null : body,
                    documented));
        }));
        assertThat(found).as("operations in docs/openapi.json").hasSizeGreaterThan(40);
        return found;
    }

    private static JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return description.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    // ------------------------------------------------------------------------------------ the service

    /** Events actually stored: commits that are not void (a refused append may leave a void position). */
    private static long storedEvents() {
        return database.getCollection("events").countDocuments(new Document("void", new Document("$ne", true)));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String demoToken(AgencyRole role) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/demo/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"role\":\"" + role.name() + "\",\"unit\":\"MPS-CE-CID\",\"bcu\":\"CE\"}"))
                .build());
        return JSON.readTree(response.body()).path("token").asText();
    }

    private static String post(AgencyRole role, String path, String json) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + tokens.get(role)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(201);
        return response.body();
    }

    /** A case far enough along that most commands have something to act on: a victim, a suspect, a hearing. */
    private static Known journey() throws IOException {
        String caseId = JSON.readTree(post(AgencyRole.POLICE_OFFICER, "/api/cases",
                "{\"channel\":\"PHONE_999\",\"occurredAt\":\"2026-03-01T20:15:00Z\"}")).path("caseId").asText();
        String c = "/api/cases/" + caseId;
        post(AgencyRole.POLICE_OFFICER, c + "/crime-record", "{\"crimeReference\":\"CRIS-FUZZ-1\",\"offence\":\"ROBBERY\","
                + "\"borough\":\"HACKNEY\",\"occurredAt\":\"2026-03-01T21:00:00Z\"}");
        String victimId = JSON.readTree(post(AgencyRole.POLICE_OFFICER, c + "/victims", "{\"kind\":\"DIRECT_VICTIM\","
                + "\"personalDetails\":{\"name\":\"Synthetic Fuzz Victim\",\"email\":\"fuzz@example.invalid\"},"
                + "\"occurredAt\":\"2026-03-01T21:10:00Z\"}")).path("createdId").asText();
        post(AgencyRole.POLICE_OFFICER, c + "/suspects", "{\"suspectId\":\"S1\",\"occurredAt\":\"2026-03-03T09:00:00Z\"}");
        post(AgencyRole.POLICE_OFFICER, c + "/suspects/S1/arrests", "{\"occurredAt\":\"2026-03-03T10:00:00Z\"}");
        post(AgencyRole.POLICE_OFFICER, c + "/suspects/S1/cps-referrals", "{\"occurredAt\":\"2026-03-04T09:00:00Z\"}");
        post(AgencyRole.CPS, c + "/suspects/S1/charging-decisions",
                "{\"decision\":\"CHARGE\",\"charges\":[\"Robbery\"],\"occurredAt\":\"2026-03-05T11:00:00Z\"}");
        post(AgencyRole.COURT, c + "/hearings", "{\"hearingId\":\"H1\",\"suspectId\":\"S1\",\"court\":\"Thames Magistrates Court\","
                + "\"scheduledFor\":\"2026-03-20T10:00:00Z\",\"type\":\"FIRST_APPEARANCE\",\"occurredAt\":\"2026-03-05T15:00:00Z\"}");
        return new Known(caseId, victimId);
    }
}
