package uk.london.victims.web;

import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.bson.Document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.sun.net.httpserver.HttpServer;

import uk.london.victims.projections.casesummary.CaseSummaryProjection;
import uk.london.victims.projections.review.PlanMeasuresProjection;
import uk.london.victims.projections.timeline.CaseTimelineProjection;

/** What the several-instance and crash tests share: settings for instances on one store, HTTP, and store checks. */
final class SharedStoreFixture {

    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Compared with a fresh replay. The Plan measures' day, victim and summary documents are not: they hold sets in
     * the order events were delivered, which differs between instances; the property test compares their
     * answers instead.
     */
    static final List<String> READ_MODEL_COLLECTIONS = List.of(CaseSummaryProjection.COLLECTION,
            CaseSummaryProjection.REFERENCES, CaseTimelineProjection.COLLECTION, PlanMeasuresProjection.CASES);
    static final List<String> READ_MODEL_PROCESSORS = List.of(CaseSummaryProjection.PROCESSING_GROUP,
            CaseTimelineProjection.PROCESSING_GROUP, PlanMeasuresProjection.PROCESSING_GROUP);

    private SharedStoreFixture() {
    }

    /**
     * What every instance on one store must be given alike, explicitly, as in production: one vault master
     * key (else each would seal with a key the others cannot open) and one identity provider.
     */
    static Map<String, String> sharedEnvironment(String issuer, Map<String, String> more) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> environment = new HashMap<>(more);
        environment.put("VJT_VAULT_MASTER_KEY", Base64.getEncoder().encodeToString(key));
        environment.put("VJT_JWT_ISSUER_URI", issuer);
        return environment;
    }

    static HttpResponse<String> send(HttpClient http, ServiceProcess service, String token, String method, String path,
                                     String json, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sequence numbers of a case's events that are really stored (their commit exists and is not
     * void), looked up as the engine does: by claim, then by commit.
     */
    static List<Long> storedSequences(MongoDatabase database, String caseId, long upTo) {
        List<String> keys = LongStream.rangeClosed(0, upTo).mapToObj(seq -> caseId + "/" + seq).toList();
        Map<Long, Long> commitOf = new TreeMap<>();
        database.getCollection("event_streams").find(in("_id", keys)).forEach(claim -> commitOf.put(
                Long.parseLong(claim.getString("_id").substring(caseId.length() + 1)), claim.get("c", Number.class).longValue()));
        Set<Long> realCommits = database.getCollection("events").find(in("_id", Set.copyOf(commitOf.values())))
                .into(new ArrayList<>()).stream().filter(commit -> !commit.getBoolean("void", false))
                .map(commit -> commit.get("_id", Number.class).longValue()).collect(Collectors.toSet());
        return commitOf.entrySet().stream().filter(e -> realCommits.contains(e.getValue())).map(Map.Entry::getKey).toList();
    }

    /**
     * The processors have caught up with every acknowledged command (by case, its count of acknowledged events): each
     * case's summary and timeline are at its last acknowledged event or later, and the Plan measures' segments have
     * reached the summaries' position.
     */
    static void assertCaughtUp(MongoDatabase database, Map<String, AtomicInteger> acknowledged) {
        for (Map.Entry<String, AtomicInteger> entry : acknowledged.entrySet()) {
            if (entry.getValue().get() == 0) {
                continue; // refused while a process was down: nothing acknowledged, nothing to project
            }
            Document summary = database.getCollection(CaseSummaryProjection.COLLECTION)
                    .find(new Document("_id", entry.getKey())).first();
            assertThat(summary).as("summary of " + entry.getKey()).isNotNull();
            assertThat(summary.get("version", Number.class).longValue()).isGreaterThanOrEqualTo(entry.getValue().get() - 1);
            // Each processor resumes on its own: the timelines' can still be claiming its segments after a store
            // kill when the summaries have caught up (seen in CI).
            Document timeline = database.getCollection(CaseTimelineProjection.COLLECTION)
                    .find(new Document("_id", entry.getKey())).first();
            assertThat(timeline).as("timeline of " + entry.getKey()).isNotNull();
            assertThat(timeline.get("version", Number.class).longValue()).isGreaterThanOrEqualTo(entry.getValue().get() - 1);
        }
        // The Plan's measures keep only some events, so no version tells they are done: their segments' positions
        // must reach the summaries' (seen still reclaiming segments after a store kill in CI).
        assertThat(lowestPosition(database, PlanMeasuresProjection.PROCESSING_GROUP)).as("plan measures' position")
                .isGreaterThanOrEqualTo(highestPosition(database, CaseSummaryProjection.PROCESSING_GROUP));
    }

    private static long lowestPosition(MongoDatabase database, String processor) {
        return positions(database, processor).min().orElse(-1);
    }

    private static long highestPosition(MongoDatabase database, String processor) {
        return positions(database, processor).max().orElse(-1);
    }

    /** The event positions a processor's segments have reached, from their stored tokens ({@code "index": n}). */
    private static LongStream positions(MongoDatabase database, String processor) {
        List<Long> positions = new ArrayList<>();
        database.getCollection("tracking_tokens").find(new Document("processorName", processor)).forEach(token -> {
            java.util.regex.Matcher index = java.util.regex.Pattern.compile("\"index\"\\s*:\\s*(\\d+)").matcher(
                    token.get("token") instanceof org.bson.types.Binary data ? new String(data.getData(), StandardCharsets.UTF_8) : "");
            positions.add(index.find() ? Long.parseLong(index.group(1)) : -1L);
        });
        return positions.stream().mapToLong(Long::longValue);
    }

    /** Every read model document, by collection and id, for comparing with a fresh replay. */
    static Map<String, Map<Object, Document>> readModels(MongoDatabase database) {
        Map<String, Map<Object, Document>> all = new TreeMap<>();
        for (String collection : READ_MODEL_COLLECTIONS) {
            Map<Object, Document> documents = new TreeMap<>();
            database.getCollection(collection).find().forEach(document -> documents.put(document.get("_id").toString(), document));
            all.put(collection, documents);
        }
        return all;
    }

    /** Each document that differs between two sets of read models, as "collection/id: replayed ≠ kept" (a few at most). */
    static List<String> differences(Map<String, Map<Object, Document>> replayed, Map<String, Map<Object, Document>> kept) {
        List<String> differences = new ArrayList<>();
        kept.forEach((collection, documents) -> {
            Map<Object, Document> other = replayed.getOrDefault(collection, Map.of());
            java.util.Set<Object> ids = new java.util.TreeSet<>(documents.keySet());
            ids.addAll(other.keySet());
            for (Object id : ids) {
                if (!java.util.Objects.equals(documents.get(id), other.get(id)) && differences.size() < 5) {
                    differences.add(collection + "/" + id + ": replayed " + other.get(id) + " but kept " + documents.get(id));
                }
            }
        });
        return differences;
    }

    /** Forgets the read models and where their processors were, so the next instance rebuilds them from the events. */
    static void forgetReadModels(MongoDatabase database) {
        READ_MODEL_COLLECTIONS.forEach(collection -> database.getCollection(collection).drop());
        List.of(PlanMeasuresProjection.DAYS, PlanMeasuresProjection.VICTIMS).forEach(collection -> database.getCollection(collection).drop());
        database.getCollection("tracking_tokens").deleteMany(in("processorName", READ_MODEL_PROCESSORS));
    }

    /** Which instance holds each segment of a processor (null: nobody). */
    static Map<Integer, String> owners(MongoDatabase database, String processor) {
        Map<Integer, String> owners = new TreeMap<>();
        database.getCollection("tracking_tokens").find(new Document("processorName", processor))
                .forEach(token -> owners.put(token.getInteger("segment"), token.getString("owner")));
        return owners;
    }

    /** GOV.UK Notify as far as the service uses it: counts each message reference it is sent. */
    static final class StandInNotify implements AutoCloseable {

        private final HttpServer server;
        final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
        /** Portal sign-in codes' texts, kept apart from the notices counted in {@code sends}. */
        final List<String> codes = new java.util.concurrent.CopyOnWriteArrayList<>();

        StandInNotify() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                JsonNode request = JSON.readTree(exchange.getRequestBody());
                String message = request.path("personalisation").path("message").asText();
                if (message.contains("code to sign in")) {
                    codes.add(message);
                } else {
                    sends.computeIfAbsent(request.path("reference").asText(), r -> new AtomicInteger()).incrementAndGet();
                }
                byte[] body = ("{\"id\":\"" + UUID.randomUUID() + "\",\"reference\":\"r\",\"content\":{\"body\":\"b\","
                        + "\"subject\":\"s\",\"from_email\":\"f@example.invalid\",\"from_number\":\"GOVUK\"},\"template\":{\"id\":\""
                        + UUID.randomUUID() + "\",\"version\":1,\"uri\":\"http://x/t\"}}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(201, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        Map<String, String> environment() {
            return Map.of("VJT_NOTIFY_API_KEY", "test_key-" + UUID.randomUUID() + "-" + UUID.randomUUID(),
                    "VJT_NOTIFY_EMAIL_TEMPLATE_ID", UUID.randomUUID().toString(),
                    "VJT_NOTIFY_SMS_TEMPLATE_ID", UUID.randomUUID().toString());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
