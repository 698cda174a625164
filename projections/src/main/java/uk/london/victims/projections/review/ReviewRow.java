package uk.london.victims.projections.review;

import java.time.Duration;
import java.util.Map;

/**
 * One group's figures. {@code overdue} are breaches of the Code (past the deadline, unmet, not waived, under a
 * limit the Code or a scheme sets); a local service standard missed is counted in {@code missedLocalStandard},
 * never as a breach. {@code open} are not yet due; {@code awaitingConsent} wait for the victim's explicit
 * consent (neither met nor breached). On-time rate is met on time over everything that was due (met, overdue
 * or a missed local standard).
 */
public record ReviewRow(String group, long opened, long metOnTime, long metLate, long overdue, long open, long awaitingClock,
                        long waived, Map<String, Long> waivedBy, Duration medianTimeToMeet, Duration p95TimeToMeet,
                        Double onTimeRate, long awaitingConsent, long missedLocalStandard) {

    public ReviewRow(String group, long opened, long metOnTime, long metLate, long overdue, long open, long awaitingClock,
                     long waived, Map<String, Long> waivedBy, Duration medianTimeToMeet, Duration p95TimeToMeet,
                     Double onTimeRate) {
        this(group, opened, metOnTime, metLate, overdue, open, awaitingClock, waived, waivedBy, medianTimeToMeet, p95TimeToMeet,
                onTimeRate, 0, 0);
    }
}
