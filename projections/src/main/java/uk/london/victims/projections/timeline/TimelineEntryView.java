package uk.london.victims.projections.timeline;

import java.time.Instant;
import java.util.Map;

/**
 * One step of a case as agencies see it.
 *
 * @param sequence   the case's event number
 * @param type       what happened (the event's name without "Event", e.g. "SuspectArrested")
 * @param agency     who it belongs to: POLICE, CPS, COURT, WITNESS_CARE, PROBATION, RESTORATIVE_JUSTICE, VICTIM
 * @param occurredAt when it happened in the world, as the agency said
 * @param recordedAt when the tracker recorded it
 * @param recordedBy who recorded it (staff id), when known
 * @param notForVictim the agency marked it sensitive: never shown in the victim portal
 * @param details    the event's fields; personal details opened, or "[erased]" once the person was erased
 */
public record TimelineEntryView(long sequence, String type, String agency, Instant occurredAt, Instant recordedAt,
                                String recordedBy, boolean notForVictim, Map<String, Object> details) {
}
