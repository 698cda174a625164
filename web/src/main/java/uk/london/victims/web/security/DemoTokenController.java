package uk.london.victims.web.security;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebInputException;

/**
 * {@code POST /demo/tokens}: a bearer token for any role, signed with the in-memory demo key. Exists only
 * in {@link DemoMode}; anyone who can reach the port can use it, which is why demo mode needs the embedded
 * store and no identity provider.
 */
@RestController
@Conditional(DemoMode.class)
class DemoTokenController {

    static final String PATH = "/demo/tokens";
    private static final Logger log = LoggerFactory.getLogger(DemoTokenController.class);
    private static final String TEXT = "[A-Za-z0-9 .'_-]{1,64}";
    private static final String MESSAGE = "must be 1 to 64 letters, digits, spaces or . ' _ -";

    /** Believable defaults, so that {@code {"role":"CPS"}} alone gives a working token. */
    private static final Map<AgencyRole, String> DEFAULT_UNITS = Map.of(
            AgencyRole.POLICE_OFFICER, "MPS-CW",
            AgencyRole.WITNESS_CARE, "WCU-North",
            AgencyRole.CPS, "CPS-London-South",
            AgencyRole.COURT, "HMCTS-London",
            AgencyRole.PROBATION, "PS-London",
            AgencyRole.RJ_PROVIDER, "Restore-London",
            AgencyRole.VICTIM_SUPPORT, "VS-London",
            AgencyRole.COMMISSIONER, "MOPAC-VC",
            AgencyRole.ADMIN, "VJT-Platform");

    private final DemoTokens tokens;

    static String defaultUnit(AgencyRole role) {
        return DEFAULT_UNITS.get(role);
    }

    DemoTokenController(DemoTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * @param role    required
     * @param staffId default {@code DEMO-<ROLE>}
     * @param unit    default a unit typical of the role
     * @param bcu     default {@code AW} (Central West) for a police officer, else none
     * @param name    default {@code Demo <role>}
     */
    public record Request(@NotNull AgencyRole role,
                          @Pattern(regexp = TEXT, message = MESSAGE) String staffId,
                          @Pattern(regexp = TEXT, message = MESSAGE) String unit,
                          @Pattern(regexp = "[A-Z]{2}", message = "must be two capital letters") String bcu,
                          @Pattern(regexp = TEXT, message = MESSAGE) String name) {
    }

    public record Response(String token, Instant expiresAt) {
    }

    @PostMapping(PATH)
    Response issue(@Valid @RequestBody Request request) {
        AgencyRole role = request.role();
        JwtClaimsSet claims = tokens.claims(role,
                request.staffId() != null ? request.staffId() : "DEMO-" + role.name(),
                request.unit() != null ? request.unit() : DEFAULT_UNITS.get(role),
                request.bcu() != null ? request.bcu() : role == AgencyRole.POLICE_OFFICER ? "AW" : null,
                request.name() != null ? request.name() : "Demo " + role.name().toLowerCase().replace('_', ' '));
        return new Response(tokens.sign(claims), claims.getExpiresAt());
    }

    /** Says what to send, as the agency API's own problems do; the API's handler covers only its package. */
    @ExceptionHandler(ServerWebInputException.class)
    ProblemDetail badRequest(ServerWebInputException e) {
        String fields = e instanceof WebExchangeBindException bind
                ? bind.getFieldErrors().stream().map(error -> error.getField() + " " + error.getDefaultMessage())
                      .sorted().collect(Collectors.joining("; ")) + ". "
                : "";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, fields
                + "Send {\"role\": one of " + Arrays.toString(AgencyRole.values())
                + "}, optionally with staffId, unit, bcu and name.");
        problem.setType(URI.create("https://victims.london/problems/invalid-request"));
        problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
        return problem;
    }

    @EventListener
    void announce(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return;
        }
        log.info("Demo tokens are enabled (embedded store, no VJT_JWT_ISSUER_URI or VJT_JWT_JWK_SET_URI): get one with "
                 + "curl -X POST localhost:{}{} -H 'Content-Type: application/json' -d '{\"role\":\"POLICE_OFFICER\"}' "
                 + "and send it as 'Authorization: Bearer <token>'. Tokens last {} hours and die with this process; "
                 + "anyone who can reach this port can get one.",
                event.getWebServer().getPort(), PATH, DemoTokens.LIFETIME.toHours());
    }
}
