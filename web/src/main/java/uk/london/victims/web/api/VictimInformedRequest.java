package uk.london.victims.web.api;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import uk.london.victims.domain.cases.ContactChannel;
import uk.london.victims.domain.people.PersonId;

public record VictimInformedRequest(PersonId victimId,
                                    Long aboutSequence,
                                    @Size(max = 200) String informedAbout,
                                    @NotNull ContactChannel channel,
                                    @NotBlank @Size(max = 200) String informedBy,
                                    @NotNull Instant occurredAt) {
}
