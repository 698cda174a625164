package uk.london.victims.domain.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import uk.london.victims.application.axon.JsonSerialization;
import uk.london.victims.domain.geography.Borough;

/**
 * A snapshot must bring a case back exactly: a field the snapshot serializer drops would silently change
 * what the rules allow after the next restart. (Lives beside Case because Case is package-private.)
 */
class CaseSnapshotTest {

    private static final CaseId CASE = new CaseId("case-0000-0001");
    private static final SuspectId S1 = new SuspectId("S1");
    private static final Instant T = Instant.parse("2026-03-01T20:15:00Z");

    @Test
    void aCaseWithSuspectsHearingsAndRestorativeJusticeSurvivesASnapshot() {
        Case original = new Case();
        original.on(new CrimeReportedEvent(CASE, ReportChannel.ONLINE, T), "MPS-CE-CID");
        original.on(new CrimeRecordedEvent(CASE, "CRIS-1/26", OffenceCategory.ROBBERY, Borough.HACKNEY, Set.of(), Set.of(), T));
        original.on(new OfficerAssignedEvent(CASE, "DC-1", "MPS-CE-CID", T));
        original.on(new CaseSharedWithUnitEvent(CASE, "CPS-London-South", T));
        original.on(new SuspectIdentifiedEvent(CASE, S1, T));
        original.on(new SuspectArrestedEvent(CASE, S1, T));
        original.on(new SuspectInterviewedEvent(CASE, S1, true, T));
        original.on(new SuspectChargedEvent(CASE, S1, List.of("Robbery"), T));
        original.on(new HearingListedEvent(CASE, new HearingId("H1"), S1, "Thames Magistrates' Court", T, HearingType.TRIAL, T), 6L);
        original.on(new RestorativeJusticeStepRecordedEvent(CASE, S1, RestorativeJusticeStep.OFFERED, null, T));
        original.on(new RestorativeJusticeStepRecordedEvent(CASE, S1, RestorativeJusticeStep.VICTIM_CONSENTED, null, T));

        Serializer serializer = JsonSerialization.snapshotSerializer();
        SerializedObject<String> snapshot = serializer.serialize(original, String.class);
        Case restored = serializer.deserialize(snapshot);

        assertThat(restored).usingRecursiveComparison().isEqualTo(original);
        assertThat(snapshot.getData()).contains("\"S1\"", "CPS-London-South", "\"CE\"").doesNotContain("java.util");
        assertThat(snapshot.getType().getRevision()).isEqualTo(Cases.REVISION);
    }
}
