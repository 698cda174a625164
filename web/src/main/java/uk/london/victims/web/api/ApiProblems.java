package uk.london.victims.web.api;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.mongodb.MongoException;

import uk.london.victims.domain.people.PersonErasedException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebInputException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import reactor.core.publisher.Mono;

import uk.london.victims.application.store.UniqueValueTakenException;
import uk.london.victims.domain.cases.CaseRuleViolationException;

/**
 * RFC 9457 problem details for every failure of the agency API. Each says what went wrong in words an
 * integrator can act on; none carries a stack trace or a class name.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final String TYPE_BASE = "https://victims.london/problems/";

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class,
            ConflictingModificationException.class})
    ProblemDetail conflict(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "conflict",
                "The case was changed at the same time by another request, or already exists. "
                + "Nothing was recorded; read the case again and retry if it still applies.");
    }

    @ExceptionHandler(UniqueValueTakenException.class)
    ProblemDetail crimeReferenceTaken(UniqueValueTakenException e) {
        // The only unique value today is the crime reference (ADR 0018).
        return problem(HttpStatus.CONFLICT, "crime-reference-taken",
                "Another case already has this crime reference; nothing was recorded. Check the reference.");
    }

    @ExceptionHandler(CaseCommands.IdempotencyKeyReusedException.class)
    ProblemDetail idempotencyKeyReused(CaseCommands.IdempotencyKeyReusedException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", e.getMessage()
                + ". Use a new key for a new request.");
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "case-not-found", "There is no case with that id.");
    }

    @ExceptionHandler(CaseRuleViolationException.class)
    ProblemDetail ruleViolation(CaseRuleViolationException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, e.code(), e.getMessage());
    }

    @ExceptionHandler(PersonErasedException.class)
    ProblemDetail personErased(PersonErasedException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "person-erased",
                "This person's details were erased; nothing personal about them can be recorded again.");
    }

    @ExceptionHandler(AuditedReads.PurposeRequiredException.class)
    ProblemDetail purposeRequired(AuditedReads.PurposeRequiredException e) {
        return problem(HttpStatus.BAD_REQUEST, "purpose-required", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
    }

    @ExceptionHandler(EventStoreException.class)
    ProblemDetail storeUnavailable(EventStoreException e) {
        log.warn("Command not stored", e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "not-stored",
                "The change could not be stored and was not recorded. Try again shortly.");
    }

    /**
     * The store went away mid-request (a restart, a failover, a crash): the change may not have been
     * recorded, and the client can safely retry with its Idempotency-Key. Not a 500: nothing is wrong with
     * the request or the service.
     */
    @ExceptionHandler(MongoException.class)
    ProblemDetail storeUnreachable(MongoException e) {
        log.warn("The store could not be reached: {}", e.toString());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                "The store could not be reached. Try again shortly; with the same Idempotency-Key a retry is safe.");
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        String detail = e.getFieldErrors().stream()
                .map(error -> error.getField() + " " + error.getDefaultMessage())
                .sorted().collect(Collectors.joining("; "));
        return Mono.just(ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-request", detail)));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (hasCause(e, DataBufferLimitException.class)) {
            return Mono.just(ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                    "request-too-large", "The request body is larger than this API accepts")));
        }
        return Mono.just(ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-request",
                unreadableBody(e))));
    }

    /** A missing query parameter, named as the other errors name them ("from is required"). */
    @Override
    protected Mono<ResponseEntity<Object>> handleMissingRequestValueException(MissingRequestValueException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return Mono.just(ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getName() + " is required")));
    }

    /** Names the field or query parameter and what it accepts, without echoing parser internals. */
    private static String unreadableBody(ServerWebInputException e) {
        if (e instanceof MissingRequestValueException missing) {
            return missing.getName() + " is required";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TypeMismatchException mismatch) {
                return badParameter(mismatch, e);
            }
        }
        Throwable cause = e;
        while (cause != null && !(cause instanceof JsonMappingException) && !(cause instanceof JsonProcessingException)) {
            cause = cause.getCause();
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return unknown.getPropertyName() + " is not a field of this request";
        }
        if (cause instanceof ValueInstantiationException invalidValue && invalidValue.getCause() instanceof IllegalArgumentException reason) {
            return fieldPath(invalidValue) + ": " + reason.getMessage();
        }
        if (cause instanceof MismatchedInputException mismatch && !(cause instanceof InvalidFormatException)
            && !mismatch.getPath().isEmpty()) {
            return fieldPath(mismatch) + " has the wrong type";
        }
        if (cause instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
            String field = invalid.getPath().get(invalid.getPath().size() - 1).getFieldName();
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return field + " must be one of " + Arrays.toString(target.getEnumConstants());
            }
            if (target == Instant.class) {
                return field + " must be an ISO-8601 instant with a zone, such as 2026-03-01T20:15:00Z";
            }
            return field + " has the wrong format";
        }
        if (cause instanceof JsonProcessingException) {
            return "The request body is not valid JSON";
        }
        return "The request could not be read";
    }

    private static String badParameter(TypeMismatchException mismatch, ServerWebInputException e) {
        String name = mismatch.getPropertyName() != null ? mismatch.getPropertyName()
                : e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null
                        ? e.getMethodParameter().getParameterName() : "A parameter";
        Class<?> target = mismatch.getRequiredType();
        if (target != null && target.isEnum()) {
            return name + " must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (target == Instant.class) {
            return name + " must be an ISO-8601 instant with a zone, such as 2026-03-01T20:15:00Z";
        }
        if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
            return name + " must be a whole number";
        }
        if (target == boolean.class || target == Boolean.class) {
            return name + " must be true or false";
        }
        return name + " has the wrong format";
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
