package uk.london.victims.web.api.victims;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import uk.london.victims.domain.cases.VictimKind;
import uk.london.victims.domain.people.PersonId;

/**
 * @param victimId give the person's existing id when they are already known (a repeat victim);
 *                 leave it out for a new person and the service creates one
 */
public record AddVictimRequest(PersonId victimId,
                               @NotNull VictimKind kind,
                               @NotNull @Valid PersonalDetails personalDetails,
                               boolean under18AtOffence,
                               Instant occurredAt) {
}
