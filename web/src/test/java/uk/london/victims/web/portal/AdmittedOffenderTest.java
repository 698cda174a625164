package uk.london.victims.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.london.victims.projections.timeline.CaseTimelineView;
import uk.london.victims.projections.timeline.TimelineEntryView;

/**
 * Restorative justice is offered to a victim once the person who harmed them has admitted the offence, as the
 * case itself decides: in interview, by accepting a caution, by a guilty plea at a hearing, or by a guilty
 * verdict (issue 13: DEMO-0002's guilty plea was refused).
 */
class AdmittedOffenderTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private static CaseTimelineView timeline(TimelineEntryView... entries) {
        return new CaseTimelineView("case-1", entries.length, List.of(entries));
    }

    private static TimelineEntryView entry(long sequence, String type, Map<String, Object> details) {
        return new TimelineEntryView(sequence, type, "POLICE", AT, AT, null, false, details);
    }

    @Test
    void aGuiltyPleaNamesTheDefendantListedForThatHearing() {
        List<TimelineEntryView> entries = new ArrayList<>(List.of(
                entry(1, "SuspectInterviewed", Map.of("suspectId", "S1", "admittedOffence", false)),
                entry(2, "HearingListed", Map.of("hearingId", "H1", "suspectId", "S2")),
                entry(3, "HearingListed", Map.of("hearingId", "H2", "suspectId", "S1"))));
        assertThat(CaseForVictim.admittedOffender(timeline(entries.toArray(TimelineEntryView[]::new)))).isEmpty();

        entries.add(entry(4, "HearingOutcomeRecorded", Map.of("hearingId", "H2", "outcome", "NOT_GUILTY_PLEA")));
        assertThat(CaseForVictim.admittedOffender(timeline(entries.toArray(TimelineEntryView[]::new)))).isEmpty();

        entries.add(entry(5, "HearingOutcomeRecorded", Map.of("hearingId", "H1", "outcome", "GUILTY_PLEA")));
        assertThat(CaseForVictim.admittedOffender(timeline(entries.toArray(TimelineEntryView[]::new)))).contains("S2");
    }

    @Test
    void anAdmissionInInterviewACautionWithAnAdmissionOrAGuiltyVerdictCounts() {
        assertThat(CaseForVictim.admittedOffender(timeline(
                entry(1, "SuspectInterviewed", Map.of("suspectId", "S1", "admittedOffence", true))))).contains("S1");
        assertThat(CaseForVictim.admittedOffender(timeline(
                entry(1, "OutOfCourtDisposalGiven", Map.of("suspectId", "S3", "admittedOffence", true))))).contains("S3");
        assertThat(CaseForVictim.admittedOffender(timeline(
                entry(1, "OutOfCourtDisposalGiven", Map.of("suspectId", "S3", "admittedOffence", false))))).isEmpty();
        assertThat(CaseForVictim.admittedOffender(timeline(
                entry(1, "VerdictRecorded", Map.of("suspectId", "S4", "verdict", "GUILTY"))))).contains("S4");
    }
}
