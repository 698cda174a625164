package uk.london.victims.web.api.victims;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

/** The victim gave (true) or withdrew (false) consent for the delegate to follow the case. */
public record DelegateConsentRequest(@NotNull Boolean consentGiven, Instant occurredAt) {
}
