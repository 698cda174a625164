package uk.london.victims.web.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.MongoException;

import uk.london.victims.application.history.ImportedHistory;
import uk.london.victims.application.store.UniqueValueTakenException;
import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.CaseRuleViolationException;
import uk.london.victims.domain.cases.investigation.ReportCrimeCommand;
import uk.london.victims.domain.cases.victims.AddVictimCommand;
import uk.london.victims.domain.cases.victims.MakeComplaintCommand;
import uk.london.victims.domain.cases.victims.RecordVictimInformedCommand;
import uk.london.victims.domain.people.PersonErasedException;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.PersonalDataVault;
import uk.london.victims.projections.casesummary.CaseSummaryProjection;
import uk.london.victims.projections.timeline.CaseTimelineProjection;
import uk.london.victims.web.api.ReportCrimeRequest;
import uk.london.victims.web.api.VictimInformedRequest;
import uk.london.victims.web.api.victims.AddVictimRequest;
import uk.london.victims.web.api.victims.MakeComplaintRequest;

/**
 * Loads a file of historical journeys (NDJSON, one step per line) through the same request records,
 * bean validation, commands and {@code Case} aggregate as the API, so a line the API would refuse is
 * refused here too, with its reason (ADR 0023).
 *
 * <p>Speed comes from three things, none of which skips a rule: the lines of one case are applied in
 * one unit of work, so up to {@link #LINES_PER_APPEND} steps become one append and one disk commit;
 * different cases are applied on several threads at once, so their appends share group commits; and
 * the caller keeps the read models' processors paused, to catch up from the event store afterwards.
 *
 * <p>Every event carries the line it came from ({@link ImportedHistory#LINE}, stored atomically with the
 * event). Before applying a case's lines the import reads which of them the case already holds, so a
 * line imported twice records nothing twice, whether the file is run again or resumed after a crash.
 * A checkpoint ({@code FILE.checkpoint}) records how far the file is settled, so a resumed run does not
 * re-read what is done; rejected lines go to {@code FILE.rejected.ndjson} with their reasons.
 */
@Component
public class HistoryImport {

    /** Steps of one case per append: an append holds at most 100 events and no step makes more than 3. */
    public static final int LINES_PER_APPEND = 25;
    static final String IMPORTED_BY = "history-import";
    private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final Pattern LINE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final CommandGateway gateway;
    private final EventStore eventStore;
    private final PersonalDataVault vault;
    private final ObjectMapper json;
    private final Validator validator;
    private final HistoryRoutes routes;

    HistoryImport(CommandGateway gateway, EventStore eventStore, PersonalDataVault vault, ObjectMapper json,
                  Validator validator) {
        this.gateway = gateway;
        this.eventStore = eventStore;
        this.vault = vault;
        this.json = json;
        this.validator = validator;
        this.routes = new HistoryRoutes(List.of(
                // POST /api/cases: the case id is the line's; a body naming another is refused.
                HistoryRoutes.route("report", ReportCrimeRequest.class, (caseId, path, body) -> {
                    if (body.caseId() != null && !body.caseId().equals(caseId.value())) {
                        throw new LineRejected("body.caseId " + body.caseId() + " is not the line's case " + caseId.value());
                    }
                    return new ReportCrimeCommand(caseId, body.channel(), body.occurredAt());
                }),
                HistoryRoutes.route("victim-contacts", VictimInformedRequest.class, (caseId, path, body) ->
                        new RecordVictimInformedCommand(caseId, body.victimId(), body.aboutSequence(), body.informedAbout(),
                                body.channel(), body.informedBy(), body.occurredAt())),
                // As VictimController: personal details are sealed under the person's key before the command exists.
                HistoryRoutes.route("victims", AddVictimRequest.class, (caseId, path, body) -> {
                    PersonId victimId = body.victimId() == null ? PersonId.newId() : body.victimId();
                    if (vault.isErased(victimId)) {
                        throw new CaseRuleViolationException("person-erased", "This person's details were erased at their "
                                + "request; they cannot be added again under the same id");
                    }
                    return new AddVictimCommand(caseId, victimId, body.kind(), vault.seal(victimId, write(body.personalDetails())),
                            body.under18AtOffence(), body.occurredAt());
                }),
                HistoryRoutes.route("victims/{victimId}/complaints", MakeComplaintRequest.class, (caseId, path, body) -> {
                    PersonId victim = new PersonId(path.get("victimId"));
                    return new MakeComplaintCommand(caseId, victim, body.complaintId(), body.agency(),
                            vault.seal(victim, body.summary()), body.occurredAt());
                })));
    }

    /**
     * @param threads           cases applied at once
     * @param chunkLines        lines read, grouped by case and applied before the checkpoint moves on
     * @param restart           ignore the checkpoint and read the file from its start (idempotency makes it safe)
     * @param crashAfterAppends for tests: stop as a crash would, after this many appends (0: never)
     */
    public record Options(int threads, int chunkLines, boolean restart, long crashAfterAppends) {
        public static Options defaults() {
            return new Options(16, 4_000, false, 0);
        }

        public Options withRestart(boolean restart) {
            return new Options(threads, chunkLines, restart, crashAfterAppends);
        }
    }

    public record Rejection(long line, String caseId, String lineId, String reason) {
    }

    /**
     * Counts over the whole file, earlier (crashed) runs included.
     *
     * @param imported        lines applied by this run or an earlier one of the same file
     * @param alreadyImported lines found already stored, so not applied again
     * @param events          events this run recorded
     * @param took            this run's time
     * @param rejections      this run's rejected lines (all of the file's are in {@code FILE.rejected.ndjson})
     */
    public record Summary(long lines, long imported, long alreadyImported, long rejected, long events, long resumedAfterLine,
                          Duration took, List<Rejection> rejections) {

        public double eventsPerSecond() {
            return events / Math.max(1e-9, took.toNanos() / 1e9);
        }

        /** Rejected lines counted by reason code (the text before the first ':'). */
        public Map<String, Long> rejectionsByReason() {
            return rejections.stream().collect(Collectors.groupingBy(r -> r.reason().split(":", 2)[0],
                    LinkedHashMap::new, Collectors.counting()));
        }
    }

    /** Told how far the import has gone: for a progress bar. */
    public interface Progress {
        Progress NONE = new Progress() {
        };

        default void started(long totalLines, long resumedAfterLine) {
        }

        default void advanced(long settledLines, long events) {
        }
    }

    /** Stopped as a crash would stop it (the test hook of {@link Options#crashAfterAppends}). */
    public static class ImportInterruptedException extends RuntimeException {
        ImportInterruptedException(String message) {
            super(message);
        }
    }

    /** A line refused before it reached the case. */
    static class LineRejected extends RuntimeException {
        LineRejected(String reason) {
            super(reason, null, false, false);
        }
    }

    public Summary run(Path file, Options options, Progress progress) throws IOException {
        long started = System.nanoTime();
        Checkpoint checkpoint = options.restart() ? Checkpoint.fresh(file) : Checkpoint.read(file);
        checkpoint.truncateRejections();
        long total = countLines(file);
        progress.started(total, checkpoint.line);
        Run run = new Run(options, progress, checkpoint);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()));
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long number = 0;
            List<Step> chunk = new ArrayList<>();
            String text;
            while ((text = reader.readLine()) != null) {
                number++;
                if (number <= checkpoint.line) {
                    continue;
                }
                if (!text.isBlank()) {
                    parse(number, text, chunk, run);
                }
                if (number - checkpoint.line >= options.chunkLines()) {
                    run.apply(chunk, pool);
                    checkpoint.advance(number, run);
                    chunk.clear();
                }
            }
            run.apply(chunk, pool);
            checkpoint.advance(number, run);
        } finally {
            pool.shutdownNow();
        }
        return new Summary(total, checkpoint.imported, checkpoint.alreadyImported, checkpoint.rejected,
                run.events.sum(), run.resumedAfter, Duration.ofNanos(System.nanoTime() - started), run.allRejections());
    }

    /** One line that parsed: which case, which step, the body as sent. */
    record Step(long line, String caseId, String id, String step, ObjectNode body, Map<String, String> refs,
                Map<String, Object> metaData) {
    }

    private void parse(long number, String text, List<Step> chunk, Run run) {
        String caseId = null;
        String id = null;
        try {
            JsonNode node = json.readTree(text);
            if (!node.isObject()) {
                throw new LineRejected("not-json-object: a line must be one JSON object");
            }
            caseId = text(node, "case");
            id = node.hasNonNull("id") ? node.get("id").asText() : Long.toString(number);
            if (caseId == null || !CASE_ID.matcher(caseId).matches()) {
                throw new LineRejected("case: must be 8 to 64 letters, digits or hyphens");
            }
            if (!LINE_ID.matcher(id).matches()) {
                throw new LineRejected("id: must be 1 to 64 letters, digits or . _ : -");
            }
            String step = text(node, "step");
            if (step == null) {
                throw new LineRejected("step: missing (the API route under /api/cases/{caseId}/, or 'report')");
            }
            JsonNode body = node.has("body") ? node.get("body") : json.createObjectNode();
            if (!body.isObject()) {
                throw new LineRejected("body: must be a JSON object");
            }
            ObjectNode copy = ((ObjectNode) body).deepCopy();
            String occurredAt = text(node, "occurredAt");
            if (occurredAt != null) {
                if (copy.hasNonNull("occurredAt") && !copy.get("occurredAt").asText().equals(occurredAt)) {
                    throw new LineRejected("occurredAt: differs from body.occurredAt");
                }
                copy.put("occurredAt", occurredAt);
            }
            Map<String, String> refs = new LinkedHashMap<>();
            if (node.has("refs")) {
                node.get("refs").fields().forEachRemaining(e -> refs.put(e.getKey(), e.getValue().asText()));
            }
            Map<String, Object> metaData = new HashMap<>();
            metaData.put(CaseTimelineProjection.RECORDED_BY, node.hasNonNull("recordedBy") ? node.get("recordedBy").asText() : IMPORTED_BY);
            if (node.hasNonNull("unit")) {
                metaData.put(CaseSummaryProjection.RECORDED_BY_UNIT, node.get("unit").asText());
            }
            if (node.path("notForVictim").asBoolean(false)) {
                metaData.put(CaseTimelineProjection.NOT_FOR_VICTIM, true);
            }
            metaData.put(ImportedHistory.LINE, caseId + "/" + id);
            chunk.add(new Step(number, caseId, id, step, copy, refs, metaData));
        } catch (JsonProcessingException e) {
            run.reject(new Rejection(number, caseId, id, "not-json: " + e.getOriginalMessage()));
        } catch (LineRejected e) {
            run.reject(new Rejection(number, caseId, id, e.getMessage()));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** State of one run over the file. */
    private final class Run {
        final Options options;
        final Progress progress;
        final Checkpoint checkpoint;
        final long resumedAfter;
        final LongAdder events = new LongAdder();
        final LongAdder chunkImported = new LongAdder();
        final LongAdder chunkAlready = new LongAdder();
        final AtomicLong appends = new AtomicLong();
        final AtomicLong settled = new AtomicLong();
        final ConcurrentLinkedQueue<Rejection> chunkRejections = new ConcurrentLinkedQueue<>();
        final List<Rejection> rejections = new ArrayList<>();

        Run(Options options, Progress progress, Checkpoint checkpoint) {
            this.options = options;
            this.progress = progress;
            this.checkpoint = checkpoint;
            this.resumedAfter = checkpoint.line;
            this.settled.set(checkpoint.line);
        }

        void reject(Rejection rejection) {
            chunkRejections.add(rejection);
        }

        List<Rejection> allRejections() {
            return List.copyOf(rejections);
        }

        /** Applies a chunk: each case's lines in file order on one thread, different cases at once. */
        void apply(List<Step> chunk, ExecutorService pool) {
            Map<String, List<Step>> byCase = new LinkedHashMap<>();
            chunk.forEach(step -> byCase.computeIfAbsent(step.caseId(), c -> new ArrayList<>()).add(step));
            List<Future<?>> done = new ArrayList<>();
            byCase.forEach((caseId, steps) -> done.add(pool.submit(() -> importCase(caseId, steps, this))));
            try {
                for (Future<?> future : done) {
                    future.get();
                }
            } catch (ExecutionException e) {
                done.forEach(f -> f.cancel(true));
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImportInterruptedException("interrupted");
            }
        }

        /** Moves this chunk's counts and rejections, in line order, into the run. */
        List<Rejection> drainChunk() {
            List<Rejection> drained = new ArrayList<>(chunkRejections);
            chunkRejections.clear();
            drained.sort(Comparator.comparingLong(Rejection::line));
            rejections.addAll(drained);
            return drained;
        }

        void applied(int lines, long newEvents) {
            events.add(newEvents);
            progress.advanced(settled.addAndGet(lines), events.sum());
            if (options.crashAfterAppends() > 0 && appends.incrementAndGet() >= options.crashAfterAppends()) {
                throw new ImportInterruptedException("stopped after " + options.crashAfterAppends() + " appends, as a crash would");
            }
        }
    }

    /** What a case already holds from import lines: line id to the case version after it. */
    private record Stored(Map<String, Long> lines, long lastSequence) {
    }

    private Stored stored(String caseId) {
        Map<String, Long> lines = new HashMap<>();
        long last = -1;
        String prefix = caseId + "/";
        DomainEventStream stream = eventStore.readEvents(caseId, 0);
        while (stream.hasNext()) {
            var event = stream.next();
            last = event.getSequenceNumber();
            if (event.getMetaData().get(ImportedHistory.LINE) instanceof String line && line.startsWith(prefix)) {
                lines.put(line.substring(prefix.length()), last);
            }
        }
        return new Stored(lines, last);
    }

    private void importCase(String caseId, List<Step> steps, Run run) {
        Stored stored = stored(caseId);
        Map<String, Long> versions = new HashMap<>(stored.lines());
        List<Step> todo = new ArrayList<>();
        int already = 0;
        for (Step step : steps) {
            if (stored.lines().containsKey(step.id())) {
                already++;
            } else {
                todo.add(step);
            }
        }
        if (already > 0) {
            run.chunkAlready.add(already);
            run.progress.advanced(run.settled.addAndGet(already), run.events.sum());
        }
        long[] last = {stored.lastSequence()};
        for (int from = 0; from < todo.size(); from += LINES_PER_APPEND) {
            applyTogether(todo.subList(from, Math.min(todo.size(), from + LINES_PER_APPEND)), versions, last, run);
        }
    }

    /**
     * Applies {@code steps} of one case in one unit of work: each command is handled by the aggregate in
     * its own nested unit of work (a refused one leaves no event and the others stand), and all their
     * events are appended together when the outer one commits. If that append fails (a crime reference
     * another case holds, a concurrent change), each step is applied alone to find the one at fault.
     */
    private void applyTogether(List<Step> steps, Map<String, Long> versions, long[] last, Run run) {
        Map<String, Long> versionsBefore = new HashMap<>(versions);
        long lastBefore = last[0];
        List<Rejection> refused = new ArrayList<>();
        int applied = 0;
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("history import"));
        try {
            for (Step step : steps) {
                try {
                    Object result = gateway.sendAndWait(command(step, versions));
                    // A handler answers the case's new version; the one that opens a case answers its id (version 0).
                    long version = result instanceof Number n ? n.longValue() : Math.max(0, last[0]);
                    versions.put(step.id(), version);
                    last[0] = Math.max(last[0], version);
                    applied++;
                } catch (RuntimeException e) {
                    refused.add(new Rejection(step.line(), step.caseId(), step.id(), reason(e)));
                }
            }
            unitOfWork.commit();
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            versions.clear();
            versions.putAll(versionsBefore);
            last[0] = lastBefore;
            if (storeFailed(e)) {
                // The store, not the line: stop here, so the run can resume from the checkpoint once it is back.
                throw e;
            }
            if (steps.size() == 1) {
                refused.add(new Rejection(steps.get(0).line(), steps.get(0).caseId(), steps.get(0).id(), reason(e)));
                refused.forEach(run::reject);
                run.applied(1, 0);
                return;
            }
            for (Step step : steps) {
                applyTogether(List.of(step), versions, last, run);
            }
            return;
        }
        refused.forEach(run::reject);
        run.chunkImported.add(applied);
        run.applied(steps.size(), last[0] - lastBefore);
    }

    /** An append that failed for the store's sake (unreachable, out of space), which no line can be blamed for. */
    static boolean storeFailed(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UniqueValueTakenException || cause instanceof ConcurrencyException
                || cause instanceof AggregateStreamCreationException) {
                return false;
            }
            if (cause instanceof EventStoreException || cause instanceof MongoException) {
                return true;
            }
        }
        return false;
    }

    private CommandMessage<?> command(Step step, Map<String, Long> versions) {
        HistoryRoutes.Match match = routes.match(step.step()).orElseThrow(() -> new LineRejected(
                "unknown-step: '" + step.step() + "' is not an API route under /api/cases/{caseId}/ (nor 'report')"));
        ObjectNode body = step.body().deepCopy();
        step.refs().forEach((field, lineId) -> {
            Long version = versions.get(lineId);
            if (version == null) {
                throw new LineRejected("unresolved-ref: " + field + " refers to line id " + lineId
                                       + " of this case, which is not imported (missing, later in the file, or rejected)");
            }
            body.put(field, version);
        });
        return GenericCommandMessage.asCommandMessage(toCommand(match, new CaseId(step.caseId()), body))
                .andMetaData(step.metaData());
    }

    private <B> CaseCommand toCommand(HistoryRoutes.Match match, CaseId caseId, ObjectNode body) {
        @SuppressWarnings("unchecked")
        HistoryRoutes.Route<B> route = (HistoryRoutes.Route<B>) match.route();
        B request;
        try {
            request = json.treeToValue(body, route.bodyType());
        } catch (UnrecognizedPropertyException e) {
            throw new LineRejected("bad-body: unknown field '" + e.getPropertyName() + "'");
        } catch (InvalidFormatException e) {
            throw new LineRejected("bad-body: " + field(e) + " cannot be '" + e.getValue() + "'");
        } catch (MismatchedInputException e) {
            throw new LineRejected("bad-body: " + field(e) + " has the wrong type");
        } catch (JsonProcessingException e) {
            throw new LineRejected("bad-body: " + e.getOriginalMessage());
        }
        Set<ConstraintViolation<B>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new LineRejected("invalid-body: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        return route.toCommand().apply(caseId, match.path(), request);
    }

    private static String field(MismatchedInputException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new LineRejected("bad-body: personal details cannot be written");
        }
    }

    /** The reason a line was refused, as a code and words (the API's problem types say the same). */
    static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof CaseRuleViolationException) && !(cause instanceof LineRejected)
               && !(cause instanceof UniqueValueTakenException)) {
            cause = cause.getCause();
        }
        if (cause instanceof LineRejected) {
            return cause.getMessage();
        }
        if (cause instanceof CaseRuleViolationException rule) {
            return rule.code() + ": " + rule.getMessage();
        }
        if (cause instanceof UniqueValueTakenException) {
            return "crime-reference-taken: another case holds this crime reference";
        }
        if (e instanceof AggregateStreamCreationException) {
            return "case-exists: a case with this id exists already, not from this line";
        }
        if (e instanceof AggregateNotFoundException) {
            return "case-not-found: no such case (its report line is missing, later in the file, or rejected)";
        }
        if (e instanceof ConcurrencyException) {
            return "concurrent-change: the case was changed by someone else meanwhile; run the import again";
        }
        if (cause instanceof PersonErasedException) {
            return "person-erased: this person's details were erased";
        }
        if (cause instanceof IllegalArgumentException) {
            return "invalid: " + cause.getMessage();
        }
        return "not-recorded: " + cause.getMessage();
    }

    private static long countLines(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * How far a file is settled (every line before it applied, found already stored, or rejected and
     * written down), with the running counts; rewritten atomically after each chunk.
     */
    private static final class Checkpoint {
        final Path file;
        final Path path;
        final Path rejectedPath;
        long line;
        long imported;
        long alreadyImported;
        long rejected;
        long rejectedBytes;

        private Checkpoint(Path file) {
            this.file = file;
            this.path = file.resolveSibling(file.getFileName() + ".checkpoint");
            this.rejectedPath = file.resolveSibling(file.getFileName() + ".rejected.ndjson");
        }

        static Checkpoint fresh(Path file) {
            return new Checkpoint(file);
        }

        static Checkpoint read(Path file) throws IOException {
            Checkpoint checkpoint = new Checkpoint(file);
            if (Files.exists(checkpoint.path)) {
                var properties = new java.util.Properties();
                try (var in = Files.newBufferedReader(checkpoint.path)) {
                    properties.load(in);
                }
                if (Long.parseLong(properties.getProperty("size", "-1")) <= Files.size(file)) {
                    checkpoint.line = Long.parseLong(properties.getProperty("line", "0"));
                    checkpoint.imported = Long.parseLong(properties.getProperty("imported", "0"));
                    checkpoint.alreadyImported = Long.parseLong(properties.getProperty("alreadyImported", "0"));
                    checkpoint.rejected = Long.parseLong(properties.getProperty("rejected", "0"));
                    checkpoint.rejectedBytes = Long.parseLong(properties.getProperty("rejectedBytes", "0"));
                }
            }
            return checkpoint;
        }

        /** Drops rejections written after the checkpoint (a crash between the two): they are found again. */
        void truncateRejections() throws IOException {
            if (!Files.exists(rejectedPath)) {
                return;
            }
            try (var channel = java.nio.channels.FileChannel.open(rejectedPath, java.nio.file.StandardOpenOption.WRITE)) {
                channel.truncate(rejectedBytes);
            }
        }

        void advance(long toLine, Run run) throws IOException {
            List<Rejection> drained = run.drainChunk();
            StringBuilder text = new StringBuilder();
            ObjectMapper mapper = new ObjectMapper();
            for (Rejection r : drained) {
                text.append(mapper.writeValueAsString(r)).append('\n');
            }
            if (!text.isEmpty()) {
                Files.writeString(rejectedPath, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            }
            rejectedBytes = Files.exists(rejectedPath) ? Files.size(rejectedPath) : 0;
            line = toLine;
            imported += run.chunkImported.sumThenReset();
            alreadyImported += run.chunkAlready.sumThenReset();
            rejected += drained.size();
            var properties = new java.util.Properties();
            properties.setProperty("line", Long.toString(line));
            properties.setProperty("size", Long.toString(Files.size(file)));
            properties.setProperty("imported", Long.toString(imported));
            properties.setProperty("alreadyImported", Long.toString(alreadyImported));
            properties.setProperty("rejected", Long.toString(rejected));
            properties.setProperty("rejectedBytes", Long.toString(rejectedBytes));
            Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
            try (var out = Files.newBufferedWriter(temporary)) {
                properties.store(out, "history import of " + file.getFileName() + ": lines settled up to 'line'");
            }
            Files.move(temporary, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** For tests: the routes this import accepts. */
    List<String> steps() {
        return routes.templates();
    }
}
