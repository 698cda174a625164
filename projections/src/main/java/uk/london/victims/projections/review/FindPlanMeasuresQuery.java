package uk.london.victims.projections.review;

import java.time.Instant;

/** The Police and Crime Plan's measures for cases reported in [from, to), as known at {@code asOf}. */
public record FindPlanMeasuresQuery(Instant from, Instant to, Instant asOf) {
}
