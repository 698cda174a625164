package uk.london.victims.web.api.victims;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import uk.london.victims.domain.cases.DelegateRole;
import uk.london.victims.domain.people.PersonId;

/**
 * Someone who may follow the case for a victim once the victim's consent is recorded.
 *
 * @param victimId the victim they act for
 */
public record AddDelegateRequest(@NotNull PersonId victimId,
                                 @NotNull DelegateRole role,
                                 @NotNull @Valid PersonalDetails personalDetails,
                                 Instant occurredAt) {
}
