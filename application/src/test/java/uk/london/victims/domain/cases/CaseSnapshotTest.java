package uk.london.victims.domain.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import uk.london.victims.application.axon.JsonSerialization;
import uk.london.victims.domain.geography.Borough;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.Sealed;

/**
 * A snapshot must bring a case back exactly: a field the snapshot serializer drops would silently change
 * what the rules allow after the next restart. (Lives beside Case because Case is package-private.)
 */
class CaseSnapshotTest {

    private static final CaseId CASE = new CaseId("case-0000-0001");
    private static final SuspectId S1 = new SuspectId("S1");
    private static final PersonId V1 = new PersonId("victim-0001");
    private static final Instant T = Instant.parse("2026-03-01T20:15:00Z");

    private final AggregateModel<Case> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Case.class);
    private long sequence;

    @Test
    void aCaseWithSuspectsHearingsAndRestorativeJusticeSurvivesASnapshot() {
        Case original = new Case();
        // Through Axon's model, as a repository would: suspects and victims are entities that apply their own events.
        apply(original, new CrimeReportedEvent(CASE, ReportChannel.ONLINE, T), MetaData.with(StaffScope.RECORDED_BY_UNIT, "MPS-CE-CID"));
        apply(original, new CrimeRecordedEvent(CASE, "CRIS-1/26", OffenceCategory.ROBBERY, Borough.HACKNEY, Set.of(), Set.of(), T));
        apply(original, new OfficerAssignedEvent(CASE, "DC-1", "MPS-CE-CID", T));
        apply(original, new CaseSharedWithUnitEvent(CASE, "CPS-London-South", T));
        apply(original, new SuspectIdentifiedEvent(CASE, S1, T));
        apply(original, new SuspectArrestedEvent(CASE, S1, T));
        apply(original, new SuspectInterviewedEvent(CASE, S1, true, T));
        apply(original, new SuspectChargedEvent(CASE, S1, List.of("Robbery"), T));
        apply(original, new HearingListedEvent(CASE, new HearingId("H1"), S1, "Thames Magistrates' Court", T, HearingType.TRIAL, T));
        apply(original, new RestorativeJusticeStepRecordedEvent(CASE, S1, RestorativeJusticeStep.OFFERED, null, T));
        apply(original, new RestorativeJusticeStepRecordedEvent(CASE, S1, RestorativeJusticeStep.VICTIM_CONSENTED, null, T));
        apply(original, new VictimAddedEvent(CASE, V1, VictimKind.DIRECT_VICTIM, new Sealed(V1, "v1:opaque"), false, T));
        apply(original, new ComplaintMadeEvent(CASE, V1, "C1", Agency.POLICE, new Sealed(V1, "v1:complaint"), T));

        Serializer serializer = JsonSerialization.snapshotSerializer();
        SerializedObject<String> snapshot = serializer.serialize(original, String.class);
        Case restored = serializer.deserialize(snapshot);

        assertThat(restored).usingRecursiveComparison().isEqualTo(original);
        assertThat(snapshot.getData()).contains("\"S1\"", "CPS-London-South", "\"CE\"", "VICTIM_CONSENTED", "\"C1\"")
                                      .doesNotContain("java.util");
        assertThat(snapshot.getType().getRevision()).isEqualTo(Cases.REVISION);

        // The entities of a restored case must still be found by the events that name them.
        Object later = new NoFurtherActionTakenEvent(CASE, S1, "Victim withdrew support", T);
        apply(original, later);
        apply(restored, later);
        assertThat(restored).usingRecursiveComparison().isEqualTo(original)
                            .isNotEqualTo(serializer.deserialize(snapshot));
    }

    private void apply(Case target, Object event) {
        apply(target, event, MetaData.emptyInstance());
    }

    private void apply(Case target, Object event, MetaData metaData) {
        model.publish(new GenericDomainEventMessage<>("Case", CASE.toString(), sequence++, event, metaData), target);
    }
}
