package uk.london.victims.web.api.victims;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A victim's personal details as an agency sends them. They are sealed before anything is stored. */
public record PersonalDetails(@NotBlank @Size(max = 200) String name,
                              LocalDate dateOfBirth,
                              @Size(max = 200) String email,
                              @Size(max = 40) String phone,
                              @Size(max = 500) String address) {
}
