package uk.london.victims.web.api.victims;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import uk.london.victims.domain.cases.Agency;

/** The complaint text may hold personal details, so it is sealed under the victim before it is stored. */
public record MakeComplaintRequest(@NotBlank @Size(max = 64) String complaintId,
                                   Agency agency,
                                   @NotBlank @Size(max = 4000) String summary,
                                   Instant occurredAt) {
}
