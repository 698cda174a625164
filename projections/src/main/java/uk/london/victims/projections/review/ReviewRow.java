package uk.london.victims.projections.review;

import java.time.Duration;
import java.util.Map;

/**
 * One group's figures. {@code overdue} are breaches (past the deadline, unmet, not waived); {@code open}
 * are not yet due; on-time rate is met on time over everything that was due (met, or overdue).
 */
public record ReviewRow(String group, long opened, long metOnTime, long metLate, long overdue, long open, long awaitingClock,
                        long waived, Map<String, Long> waivedBy, Duration medianTimeToMeet, Duration p95TimeToMeet,
                        Double onTimeRate) {
}
