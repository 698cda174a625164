package uk.london.victims.web.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.london.victims.application.store.IdempotentOutcome;
import uk.london.victims.application.store.MongoEventStorageEngine;
import uk.london.victims.application.store.RepeatedRequestException;
import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.StaffScope;
import uk.london.victims.web.security.CaseVisibility;
import uk.london.victims.web.security.StaffMember;

/**
 * Sends an agency's command with the two HTTP preconditions the API offers:
 * <ul>
 *   <li>{@code If-Match: "<version>"}: record only if the case is still at that version (else 409);</li>
 *   <li>{@code Idempotency-Key}: a retry of a recorded request gets the first answer and records
 *       nothing again. The key is stored by the event store in the same atomic append as the events, so
 *       this holds across crashes and instances.</li>
 * </ul>
 */
@Component
public class CaseCommands {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** An agency marks a step sensitive with {@code X-Not-For-Victim: true}: the portal never shows it. */
    public static final String NOT_FOR_VICTIM = "X-Not-For-Victim";
    private static final Pattern VERSION_TAG = Pattern.compile("^\\s*(?:W/)?\"?(\\d{1,18})\"?\\s*$");
    private static final Pattern KEY_FORMAT = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private final CommandGateway gateway;
    private final MongoEventStorageEngine store;
    private final ObjectMapper json;

    CaseCommands(CommandGateway gateway, MongoEventStorageEngine store, ObjectMapper json) {
        this.gateway = gateway;
        this.store = store;
        this.json = json;
    }

    /** Records {@code command}, made from the request {@code body}; 201 with the case's new version. */
    public Mono<ResponseEntity<CommandAccepted>> send(ServerWebExchange exchange, Object body, CaseCommand command) {
        return send(exchange, body, command, false);
    }

    /** As {@link #send}, for a command that adds a person to the case: the answer also names their new id. */
    public Mono<ResponseEntity<CommandAccepted>> sendAdding(ServerWebExchange exchange, Object body, CaseCommand command,
                                                            String createdId) {
        return send(exchange, body, command).map(response -> ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders()).body(response.getBody().withCreatedId(createdId)));
    }

    /** As {@link #send}, for the command that opens a case: the answer also carries its Location. */
    public Mono<ResponseEntity<CommandAccepted>> create(ServerWebExchange exchange, Object body, CaseCommand command) {
        return send(exchange, body, command, true);
    }

    private Mono<ResponseEntity<CommandAccepted>> send(ServerWebExchange exchange, Object body, CaseCommand command,
                                                       boolean opensCase) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        Long expectedVersion = expectedVersion(headers.getFirst(HttpHeaders.IF_MATCH));
        String key = headers.getFirst(IDEMPOTENCY_KEY);
        boolean notForVictim = notForVictim(headers.getFirst(NOT_FOR_VICTIM));
        if (key != null && !KEY_FORMAT.matcher(key).matches()) {
            throw new IllegalArgumentException("Idempotency-Key must be 8 to 128 letters, digits or . _ : -");
        }
        return StaffMember.current().map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(staff -> Mono.fromCallable(() -> {
                    // Keys are per member of staff: two clients can never collide on each other's keys.
                    String scopedKey = key == null ? null : staff.map(StaffMember::staffId).orElse("anonymous") + "/" + key;
                    String fingerprint = fingerprint(exchange, body);
                    if (scopedKey != null) {
                        Optional<IdempotentOutcome> earlier = store.findIdempotentOutcome(scopedKey);
                        if (earlier.isPresent()) {
                            return replay(earlier.get(), fingerprint, opensCase);
                        }
                    }
                    Map<String, Object> metaData = new HashMap<>();
                    staff.ifPresent(member -> {
                        metaData.put(RecordingMetaData.RECORDED_BY, member.staffId());
                        metaData.put(RecordingMetaData.RECORDED_BY_UNIT, member.unit());
                        // The case decides from its own state whether this member of staff may act on it.
                        metaData.putAll(CaseVisibility.scopeOf(member).toMetaData());
                    });
                    if (notForVictim) {
                        metaData.put(RecordingMetaData.NOT_FOR_VICTIM, true);
                    }
                    if (expectedVersion != null) {
                        metaData.put(StaffScope.EXPECTED_VERSION, expectedVersion);
                    }
                    if (scopedKey != null) {
                        metaData.put(MongoEventStorageEngine.IDEMPOTENCY_KEY, scopedKey);
                        metaData.put(MongoEventStorageEngine.REQUEST_FINGERPRINT, fingerprint);
                    }
                    try {
                        Object result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
                        long version = result instanceof Number n ? n.longValue() : 0L;
                        return accepted(command.caseId().value(), version, opensCase, false);
                    } catch (RepeatedRequestException concurrentRetry) {
                        return replay(store.findIdempotentOutcome(scopedKey).orElseThrow(() -> concurrentRetry),
                                fingerprint, opensCase);
                    }
                }).subscribeOn(Schedulers.boundedElastic()));
    }

    private ResponseEntity<CommandAccepted> replay(IdempotentOutcome earlier, String fingerprint, boolean opensCase) {
        if (earlier.fingerprint() != null && !earlier.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException();
        }
        return accepted(earlier.aggregateId(), earlier.version(), opensCase, true);
    }

    private static ResponseEntity<CommandAccepted> accepted(String caseId, long version, boolean opensCase, boolean replayed) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED).eTag("\"" + version + "\"");
        if (opensCase) {
            response.location(URI.create("/api/cases/" + caseId));
        }
        if (replayed) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(new CommandAccepted(caseId, version));
    }

    private static boolean notForVictim(String header) {
        if (header == null || header.equalsIgnoreCase("false")) {
            return false;
        }
        if (header.equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException(NOT_FOR_VICTIM + " must be true or false");
    }

    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        Matcher matcher = VERSION_TAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("If-Match must be a case version as returned in the ETag, such as \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    /** The method, path and body as sent: a retry has the same, a different request reusing the key does not. */
    private String fingerprint(ServerWebExchange exchange, Object body) {
        try {
            byte[] canonical = (exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value() + " "
                                + json.writeValueAsString(body)).getBytes(StandardCharsets.UTF_8);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }

    /** The key was used before for a different request. */
    public static class IdempotencyKeyReusedException extends RuntimeException {
        IdempotencyKeyReusedException() {
            super("This Idempotency-Key was already used for a different request", null, false, false);
        }
    }
}
