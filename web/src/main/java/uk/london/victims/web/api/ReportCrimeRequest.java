package uk.london.victims.web.api;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import uk.london.victims.domain.cases.ReportChannel;

/**
 * @param caseId optional: a client that supplies its own id can retry safely (a repeat gets 409)
 */
public record ReportCrimeRequest(@Pattern(regexp = "[A-Za-z0-9-]{8,64}", message = "must be 8 to 64 letters, digits or hyphens")
                                 String caseId,
                                 @NotNull ReportChannel channel,
                                 @NotNull Instant occurredAt) {
}
