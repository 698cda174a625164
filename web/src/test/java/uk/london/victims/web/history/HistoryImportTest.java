package uk.london.victims.web.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.london.victims.application.history.ImportedHistory;
import uk.london.victims.application.notifications.Outbox;
import uk.london.victims.domain.people.PersonalDataVault;
import uk.london.victims.domain.people.Sealed;
import uk.london.victims.web.AxonDefaults;

/**
 * Issue 14, section 2: the history import goes through the API's rules, records nothing twice, resumes
 * after a crash to the same store a clean run makes, reports every rejected line with its reason while
 * importing the rest, and records the same events the API records for the same steps.
 */
// Notices wait in the outbox: a delivery would record an event on the API's case while the two are compared.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vjt.demo-data=false", "vjt.notify.dispatch-every=1h"})
@DirtiesContext
class HistoryImportTest {

    static {
        AxonDefaults.apply();
    }

    @Autowired
    HistoryImport history;
    @Autowired
    EventStore eventStore;
    @Autowired
    ObjectMapper json;
    @Autowired
    PersonalDataVault vault;
    @Autowired
    WebTestClient http;
    @Autowired
    Outbox outbox;

    @TempDir
    Path directory;

    @DynamicPropertySource
    static void embeddedStore(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("vjt-history-import-").toString();
        registry.add("vjt.store.uri", () -> "");
        registry.add("vjt.store.data-directory", () -> data);
    }

    /** One step: the role the API needs for it, the route, the body, and body fields that name an earlier step. */
    record Line(String id, String role, String step, Map<String, Object> body, Map<String, String> refs) {
    }

    /** A charged robbery from report to sentence, with the notices, an adjournment and a complaint. */
    static List<Line> journey(String caseId) {
        String v = "victim-" + caseId;
        List<Line> lines = new ArrayList<>();
        int[] day = {0};
        java.util.function.Supplier<String> next = () -> String.format("2024-03-%02dT10:00:00Z", 1 + day[0]++);
        lines.add(line(lines, "POLICE_OFFICER", "report", Map.of("channel", "PHONE_999", "occurredAt", next.get())));
        lines.add(line(lines, "POLICE_OFFICER", "crime-record", Map.of("crimeReference", "CRIS-" + caseId, "offence", "ROBBERY",
                "borough", "HACKNEY", "priorityFlags", List.of("WEAPON_BASED"), "hateStrands", List.of(), "occurredAt", next.get())));
        lines.add(line(lines, "POLICE_OFFICER", "victims", Map.of("victimId", v, "kind", "DIRECT_VICTIM", "personalDetails",
                Map.of("name", "Vera Victim", "dateOfBirth", "1970-01-01", "email", "vera@example.invalid", "phone", "07700900123"),
                "under18AtOffence", false, "occurredAt", next.get())));
        lines.add(line(lines, "POLICE_OFFICER", "victims/" + v + "/needs-assessments", Map.of("enhancedRightsReasons",
                List.of("INTIMIDATED"), "interpreterNeeded", false, "occurredAt", next.get())));
        lines.add(line(lines, "POLICE_OFFICER", "victims/" + v + "/contact-preferences", Map.of("channels", List.of("EMAIL"),
                "unsafeChannels", List.of(), "declinedUpdates", false, "updateIntervalDays", 14, "occurredAt", next.get())));
        lines.add(line(lines, "POLICE_OFFICER", "officer-assignments", Map.of("officerId", "PC-1", "unit", "MPS-CE-CID",
                "occurredAt", next.get())));
        lines.add(line(lines, "POLICE_OFFICER", "suspects", Map.of("suspectId", "S1", "occurredAt", next.get())));
        lines.add(line(lines, "POLICE_OFFICER", "suspects/S1/arrests", Map.of("occurredAt", next.get())));
        lines.add(line(lines, "POLICE_OFFICER", "suspects/S1/interviews", Map.of("admittedOffence", false, "occurredAt", next.get())));
        lines.add(line(lines, "POLICE_OFFICER", "suspects/S1/cps-referrals", Map.of("occurredAt", next.get())));
        lines.add(line(lines, "CPS", "suspects/S1/charging-decisions", Map.of("decision", "CHARGE", "charges", List.of("Robbery"),
                "occurredAt", next.get())));
        lines.add(line(lines, "COURT", "hearings", Map.of("hearingId", "H1", "suspectId", "S1", "court", "Thames Magistrates' Court",
                "scheduledFor", "2024-05-01T10:00:00Z", "type", "FIRST_APPEARANCE", "occurredAt", next.get())));
        String listed = lines.get(lines.size() - 1).id();
        lines.add(new Line(id(lines), "WITNESS_CARE", "witness-care-receipts", Map.of("information", "First hearing",
                "occurredAt", next.get()), Map.of("aboutSequence", listed)));
        String received = lines.get(lines.size() - 1).id();
        lines.add(new Line(id(lines), "WITNESS_CARE", "victim-contacts", Map.of("victimId", v, "informedAbout", "First hearing",
                "channel", "EMAIL", "informedBy", "WCU-1", "occurredAt", next.get()), Map.of("aboutSequence", received)));
        lines.add(line(lines, "COURT", "hearings/H1/outcomes", Map.of("outcome", "ADJOURNED", "conditions", List.of(),
                "occurredAt", "2024-05-01T12:00:00Z")));
        day[0] = 40;
        lines.add(line(lines, "COURT", "hearings/H1/outcomes", Map.of("outcome", "GUILTY_PLEA", "conditions", List.of(),
                "occurredAt", "2024-05-20T12:00:00Z")));
        lines.add(line(lines, "COURT", "suspects/S1/sentences", Map.of("sentence", "COMMUNITY_ORDER", "ancillaryOrders", List.of(),
                "occurredAt", "2024-05-21T12:00:00Z")));
        lines.add(line(lines, "POLICE_OFFICER", "victims/" + v + "/complaints", Map.of("complaintId", "C1", "agency", "POLICE",
                "summary", "Nobody told me about the charge", "occurredAt", "2024-05-22T12:00:00Z")));
        return lines;
    }

    private static Line line(List<Line> lines, String role, String step, Map<String, Object> body) {
        return new Line(id(lines), role, step, body, Map.of());
    }

    private static String id(List<Line> lines) {
        return Integer.toString(lines.size() + 1);
    }

    private String ndjson(String caseId, List<Line> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Line line : lines) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("case", caseId);
            row.put("id", line.id());
            row.put("step", line.step());
            row.put("body", line.body());
            if (!line.refs().isEmpty()) {
                row.put("refs", line.refs());
            }
            row.put("recordedBy", "STAFF-" + line.role());
            row.put("unit", "UNIT-" + line.role());
            text.append(json.writeValueAsString(row)).append('\n');
        }
        return text.toString();
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }

    private static HistoryImport.Options options(int chunkLines, long crashAfterAppends) {
        return new HistoryImport.Options(4, chunkLines, false, crashAfterAppends);
    }

    /** A case's events as stored, comparable across cases: type and payload, with the case's own ids made neutral. */
    private List<String> comparable(String caseId) {
        List<String> events = new ArrayList<>();
        var stream = eventStore.readEvents(caseId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            JsonNode payload = json.valueToTree(event.getPayload());
            openSealed(payload);
            events.add(event.getPayloadType().getSimpleName() + " " + payload.toString().replace(caseId, "<case>"));
        }
        return events;
    }

    /** Sealed details differ in ciphertext each time they are sealed; what they say must not. */
    private void openSealed(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("ciphertext") && object.has("person")) {
                Sealed sealed = json.convertValue(object, Sealed.class);
                object.remove("ciphertext");
                object.put("plaintext", vault.open(sealed).orElse("[erased]"));
            }
            object.elements().forEachRemaining(this::openSealed);
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(this::openSealed);
        }
    }

    private List<String> importedLines(String caseId) {
        List<String> lines = new ArrayList<>();
        var stream = eventStore.readEvents(caseId, 0);
        while (stream.hasNext()) {
            Object line = stream.next().getMetaData().get(ImportedHistory.LINE);
            if (line != null) {
                lines.add((String) line);
            }
        }
        return lines;
    }

    @Test
    void theSameStepsRecordTheSameEventsAsTheApi() throws IOException {
        List<Line> steps = journey("IMPORT-SAME-1");
        HistoryImport.Summary summary = history.run(file("same.ndjson", ndjson("IMPORT-SAME-1", steps)),
                HistoryImport.Options.defaults(), HistoryImport.Progress.NONE);
        assertThat(summary.rejections()).isEmpty();
        assertThat(summary.imported()).isEqualTo(steps.size());

        // The same steps through HTTP, each by the agency that may record it, all of the case's BCU (CE: Hackney).
        String api = "APIREC-SAME-1";
        List<Line> apiSteps = journey(api);
        Map<String, String> tokens = new HashMap<>();
        Map<String, Long> versions = new HashMap<>();
        for (Line line : apiSteps) {
            String token = tokens.computeIfAbsent(line.role(), role -> token(role, "STAFF-" + role, "UNIT-" + role, "CE"));
            Map<String, Object> body = new LinkedHashMap<>(line.body());
            line.refs().forEach((field, id) -> body.put(field, versions.get(id)));
            String path = line.step().equals("report") ? "/api/cases" : "/api/cases/" + api + "/" + line.step();
            if (line.step().equals("report")) {
                body.put("caseId", api);
            }
            Map<?, ?> answer = http.post().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
            versions.put(line.id(), ((Number) answer.get("version")).longValue());
        }

        List<String> imported = comparable("IMPORT-SAME-1");
        assertThat(imported).hasSize(comparable(api).size()).isNotEmpty();
        assertThat(String.join("\n", imported).replace("CRIS-<case>", "CRIS"))
                .isEqualTo(String.join("\n", comparable(api)).replace("CRIS-<case>", "CRIS")
                        .replace("victim-" + api, "victim-IMPORT-SAME-1"));
        assertThat(String.join("\n", imported)).contains("Vera Victim").contains("Nobody told me about the charge");

        // The API's steps owe the victim notices (charge, hearing); the same steps from history owe none today.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(outbox.forCase(api)).isNotEmpty());
        assertThat(outbox.forCase("IMPORT-SAME-1")).isEmpty();

        // Its victim and how to reach her came with the history: an arrest recorded today on the imported case owes
        // her a notice, sent to the email she chose back then.
        String police = tokens.get("POLICE_OFFICER");
        String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        http.post().uri("/api/cases/IMPORT-SAME-1/suspects").headers(h -> h.setBearerAuth(police)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("suspectId", "S2", "occurredAt", now)).exchange().expectStatus().isCreated();
        http.post().uri("/api/cases/IMPORT-SAME-1/suspects/S2/arrests").headers(h -> h.setBearerAuth(police))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("occurredAt", now)).exchange().expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(outbox.forCase("IMPORT-SAME-1"))
                .isNotEmpty().allSatisfy(message -> assertThat(message.getString("victimId")).isEqualTo("victim-IMPORT-SAME-1")));
    }

    @Test
    void aLineImportedTwiceRecordsNothingTwice() throws IOException {
        List<Line> steps = journey("IMPORT-TWICE-1");
        Path file = file("twice.ndjson", ndjson("IMPORT-TWICE-1", steps));
        HistoryImport.Summary first = history.run(file, HistoryImport.Options.defaults(), HistoryImport.Progress.NONE);
        List<String> stored = comparable("IMPORT-TWICE-1");
        assertThat(first.events()).isEqualTo(stored.size());

        // From the start again, ignoring the checkpoint: every line is found in the store.
        HistoryImport.Summary again = history.run(file, HistoryImport.Options.defaults().withRestart(true), HistoryImport.Progress.NONE);
        assertThat(again.events()).isZero();
        assertThat(again.alreadyImported()).isEqualTo(steps.size());
        assertThat(again.rejected()).isZero();
        assertThat(comparable("IMPORT-TWICE-1")).isEqualTo(stored);

        // The same lines again in another file (a different checkpoint): still nothing twice.
        HistoryImport.Summary copy = history.run(file("twice-copy.ndjson", Files.readString(file)),
                HistoryImport.Options.defaults(), HistoryImport.Progress.NONE);
        assertThat(copy.events()).isZero();
        assertThat(importedLines("IMPORT-TWICE-1")).doesNotHaveDuplicates();
        assertThat(comparable("IMPORT-TWICE-1")).isEqualTo(stored);
    }

    @Test
    void anImportStoppedMidwayResumesToTheStoreACleanImportMakes() throws IOException {
        StringBuilder clean = new StringBuilder();
        StringBuilder crashing = new StringBuilder();
        for (int c = 1; c <= 6; c++) {
            clean.append(ndjson("IMPORT-CLEAN-" + c, journey("IMPORT-CLEAN-" + c)));
            crashing.append(ndjson("IMPORT-CRASH-" + c, journey("IMPORT-CRASH-" + c)));
        }
        history.run(file("clean.ndjson", clean.toString()), options(30, 0), HistoryImport.Progress.NONE);

        Path file = file("crash.ndjson", crashing.toString());
        // Stopped as a crash would stop it: after 5 appends, in the middle of a chunk, past the first checkpoint.
        assertThatThrownBy(() -> history.run(file, options(30, 5), HistoryImport.Progress.NONE))
                .isInstanceOf(HistoryImport.ImportInterruptedException.class);
        assertThat(directory.resolve("crash.ndjson.checkpoint")).exists();
        long storedBeforeResume = 0;
        for (int c = 1; c <= 6; c++) {
            storedBeforeResume += importedLines("IMPORT-CRASH-" + c).size();
        }
        assertThat(storedBeforeResume).isPositive();

        HistoryImport.Summary resumed = history.run(file, options(30, 0), HistoryImport.Progress.NONE);
        assertThat(resumed.resumedAfterLine()).isEqualTo(30);
        assertThat(resumed.rejected()).isZero();
        assertThat(resumed.imported() + resumed.alreadyImported()).isEqualTo(6L * journey("x").size());
        for (int c = 1; c <= 6; c++) {
            assertThat(importedLines("IMPORT-CRASH-" + c)).doesNotHaveDuplicates();
            assertThat(String.join("\n", comparable("IMPORT-CRASH-" + c)).replace("IMPORT-CRASH-" + c, "X"))
                    .isEqualTo(String.join("\n", comparable("IMPORT-CLEAN-" + c)).replace("IMPORT-CLEAN-" + c, "X"));
        }
    }

    @Test
    void rejectedLinesAreReportedWithTheirReasonsAndTheRestIsImported() throws IOException {
        String good = ndjson("IMPORT-REJ-OK1", journey("IMPORT-REJ-OK1"));
        String a = "IMPORT-REJ-A1";
        String content = good
                + "{\"case\":\"" + a + "\",\"id\":\"1\",\"step\":\"report\",\"body\":{\"channel\":\"ONLINE\"},\"occurredAt\":\"2024-04-01T10:00:00Z\"}\n"
                + "{this is not json\n"
                + "{\"case\":\"" + a + "\",\"id\":\"2\",\"step\":\"suspects/S1/teleportations\",\"body\":{},\"occurredAt\":\"2024-04-01T11:00:00Z\"}\n"
                + "{\"case\":\"" + a + "\",\"id\":\"3\",\"step\":\"victims\",\"body\":{\"personalDetails\":{\"name\":\"N\"}},\"occurredAt\":\"2024-04-01T11:00:00Z\"}\n"
                + "{\"case\":\"" + a + "\",\"id\":\"4\",\"step\":\"suspects/S9/arrests\",\"body\":{},\"occurredAt\":\"2024-04-01T12:00:00Z\"}\n"
                // The crime reference of the first case: refused when the append is claimed, so the batch is retried line by line.
                + "{\"case\":\"" + a + "\",\"id\":\"5\",\"step\":\"crime-record\",\"body\":{\"crimeReference\":\"CRIS-IMPORT-REJ-OK1\","
                + "\"offence\":\"THEFT\",\"borough\":\"CAMDEN\"},\"occurredAt\":\"2024-04-01T13:00:00Z\"}\n"
                + "{\"case\":\"" + a + "\",\"id\":\"6\",\"step\":\"crime-record\",\"body\":{\"crimeReference\":\"CRIS-A1-OWN\","
                + "\"offence\":\"THEFT\",\"borough\":\"CAMDEN\"},\"occurredAt\":\"2024-04-01T13:30:00Z\"}\n"
                + "{\"case\":\"" + a + "\",\"id\":\"7\",\"step\":\"suspects\",\"body\":{\"suspectId\":\"S1\",\"colour\":\"red\"},\"occurredAt\":\"2024-04-01T14:00:00Z\"}\n"
                + "{\"case\":\"" + a + "\",\"id\":\"8\",\"step\":\"suspects\",\"body\":{\"suspectId\":\"S1\"},\"occurredAt\":\"2024-04-01T14:00:00Z\"}\n"
                + "{\"case\":\"" + a + "\",\"id\":\"9\",\"step\":\"suspects/S1/arrests\",\"body\":{},\"occurredAt\":\"2024-04-01T15:00:00Z\"}\n";
        Path file = file("rejects.ndjson", content);
        int goodLines = journey("x").size();
        // The good case in a chunk of its own, so that it holds its crime reference before the second case claims it.
        HistoryImport.Summary summary = history.run(file, options(goodLines, 0), HistoryImport.Progress.NONE);

        assertThat(summary.imported()).as("%s", summary.rejections()).isEqualTo(goodLines + 4);
        assertThat(summary.rejected()).isEqualTo(6);
        Map<Long, String> reasons = new HashMap<>();
        summary.rejections().forEach(r -> reasons.put(r.line() - goodLines, r.reason()));
        assertThat(reasons.get(2L)).startsWith("not-json:");
        assertThat(reasons.get(3L)).startsWith("unknown-step:").contains("suspects/S1/teleportations");
        assertThat(reasons.get(4L)).startsWith("invalid-body:").contains("kind");
        assertThat(reasons.get(5L)).doesNotStartWith("not-recorded").contains("S9");
        assertThat(reasons.get(6L)).startsWith("crime-reference-taken:");
        assertThat(reasons.get(8L)).startsWith("bad-body: unknown field 'colour'");
        assertThat(importedLines(a)).containsExactly(a + "/1", a + "/6", a + "/8", a + "/9");
        assertThat(importedLines("IMPORT-REJ-OK1")).hasSize(goodLines);
        // Written down for the operator, one line per rejection.
        assertThat(Files.readAllLines(directory.resolve("rejects.ndjson.rejected.ndjson"))).hasSize(6)
                .allSatisfy(line -> assertThat(json.readTree(line).get("reason").asText()).isNotBlank());
    }

    @Test
    void everyCaseRouteOfTheApiCanBeImportedExceptDelegates() {
        Set<String> apiRoutes = new HashSet<>();
        for (Class<?> controller : List.of(classNamed("uk.london.victims.web.api.CaseCommandController"),
                classNamed("uk.london.victims.web.api.CaseController"), classNamed("uk.london.victims.web.api.victims.VictimController"))) {
            String base = controller.getAnnotation(org.springframework.web.bind.annotation.RequestMapping.class).value()[0];
            for (var method : controller.getDeclaredMethods()) {
                var post = method.getAnnotation(org.springframework.web.bind.annotation.PostMapping.class);
                if (post != null) {
                    String path = (base + (post.value().length == 0 ? "" : post.value()[0])).replace("/api/cases", "");
                    apiRoutes.add(path.isEmpty() ? "report" : path.replaceFirst("^/\\{caseId}/", ""));
                }
            }
        }
        assertThat(apiRoutes).hasSizeGreaterThan(40);
        assertThat(history.steps()).containsExactlyInAnyOrderElementsOf(apiRoutes);
    }

    private static Class<?> classNamed(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private String token(String role, String staffId, String unit, String bcu) {
        Map<String, String> request = new HashMap<>(Map.of("role", role, "staffId", staffId, "unit", unit, "bcu", bcu));
        return (String) http.post().uri("/demo/tokens").contentType(MediaType.APPLICATION_JSON).bodyValue(request).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("token");
    }
}
