package uk.london.victims.domain.cases;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.london.victims.domain.cases.investigation.AssignOfficerCommand;
import uk.london.victims.domain.cases.investigation.IdentifySuspectCommand;
import uk.london.victims.domain.cases.investigation.RecordCrimeCommand;
import uk.london.victims.domain.geography.Borough;

/**
 * A write is a read in disguise unless it passes the same check: staff act only on the cases they may
 * see, and a case they may not see answers as if it did not exist (issue 12, item 1).
 */
class CaseStaffScopeTest {

    private static final CaseId CASE = new CaseId("DEMO-0008-online-fraud");
    private static final Instant REPORTED = Instant.parse("2026-03-01T20:15:00Z");
    private static final Instant LATER = Instant.parse("2026-03-01T22:00:00Z");

    /** An officer of Central East, whose BCU does not hold the case. */
    private static final StaffScope CE_OFFICER = new StaffScope("PC-CE-1", "MPS-CE-CID", "CE", false, false);
    /** An officer of Central West, the BCU of Westminster, where the crime is recorded. */
    private static final StaffScope AW_OFFICER = new StaffScope("PC-AW-1", "MPS-AW-CID", "AW", false, false);
    private static final StaffScope CPS = new StaffScope("CPS-1", "CPS-London-South", null, false, false);
    private static final StaffScope ADMIN = new StaffScope("ADM-1", "VJT-Platform", null, true, true);
    private static final StaffScope COMMISSIONER = new StaffScope("VC-1", "MOPAC-VC", null, true, false);

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.givenCurrentTime(Instant.parse("2026-03-02T12:00:00Z"));
    }

    private static List<Object> recordedInWestminster() {
        return List.of(
                new GenericDomainEventMessage<>("Case", CASE.value(), 0, new CrimeReportedEvent(CASE, ReportChannel.ONLINE, REPORTED),
                        MetaData.with(StaffScope.RECORDED_BY_UNIT, "MPS-AW-CID")),
                new GenericDomainEventMessage<>("Case", CASE.value(), 1, new CrimeRecordedEvent(CASE, "CRIS-8/26",
                        OffenceCategory.FRAUD, Borough.WESTMINSTER, Set.of(), Set.of(), REPORTED)));
    }

    private ResultValidator<Case> as(StaffScope staff, List<Object> history, Object command) {
        return fixture.given(history).when(command, staff.toMetaData());
    }

    @Test
    void anOfficerOfAnotherBcuCannotAssignTheCaseToTheirOwnUnitAndNothingIsRecorded() {
        as(CE_OFFICER, recordedInWestminster(), new AssignOfficerCommand(CASE, "PC-CE-1", "MPS-CE-CID", LATER))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void anInvisibleCaseAnswersAsAnUnknownOneWhateverTheCommand() {
        for (Object command : List.of(new IdentifySuspectCommand(CASE, new SuspectId("S1"), LATER),
                new CloseCaseCommand(CASE, "x", LATER),
                // A command the case would refuse on its merits is still refused as unknown first.
                new RecordCrimeCommand(CASE, "CRIS-9/26", OffenceCategory.FRAUD, Borough.HACKNEY, Set.of(), Set.of(), LATER),
                new ShareCaseWithUnitCommand(CASE, "MPS-CE-CID", LATER))) {
            setUp();
            as(CE_OFFICER, recordedInWestminster(), command)
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Test
    void anIfMatchOnAnInvisibleCaseRevealsNoVersion() {
        Map<String, Object> metaData = new HashMap<>(CE_OFFICER.toMetaData());
        metaData.put(StaffScope.EXPECTED_VERSION, 7L);
        fixture.given(recordedInWestminster()).when(new CloseCaseCommand(CASE, "x", LATER), metaData)
               .expectException(AggregateNotFoundException.class).expectNoEvents();

        setUp();
        Map<String, Object> owner = new HashMap<>(AW_OFFICER.toMetaData());
        owner.put(StaffScope.EXPECTED_VERSION, 7L);
        fixture.given(recordedInWestminster()).when(new CloseCaseCommand(CASE, "x", LATER), owner)
               .expectException(ConflictingAggregateVersionException.class).expectNoEvents();

        setUp();
        owner.put(StaffScope.EXPECTED_VERSION, 1L);
        fixture.given(recordedInWestminster()).when(new CloseCaseCommand(CASE, "x", LATER), owner)
               .expectEvents(new CaseClosedEvent(CASE, "x", LATER));
    }

    @Test
    void theCasesOwnBcuAssignsItToAnOfficerOfAnotherUnit() {
        as(AW_OFFICER, recordedInWestminster(), new AssignOfficerCommand(CASE, "PC-CE-1", "MPS-CE-CID", LATER))
                .expectEvents(new OfficerAssignedEvent(CASE, "PC-CE-1", "MPS-CE-CID", LATER));
        setUp();
        as(ADMIN, recordedInWestminster(), new AssignOfficerCommand(CASE, "PC-CE-1", "MPS-CE-CID", LATER))
                .expectEvents(new OfficerAssignedEvent(CASE, "PC-CE-1", "MPS-CE-CID", LATER));
    }

    @Test
    void theAssignedOfficerActsOnTheCaseButCannotHandItToAThirdUnit() {
        List<Object> assigned = new java.util.ArrayList<>(recordedInWestminster());
        assigned.add(new OfficerAssignedEvent(CASE, "PC-CE-1", "MPS-CE-CID", LATER));
        as(CE_OFFICER, assigned, new IdentifySuspectCommand(CASE, new SuspectId("S1"), LATER))
                .expectEvents(new SuspectIdentifiedEvent(CASE, new SuspectId("S1"), LATER));
        setUp();
        as(CE_OFFICER, assigned, new AssignOfficerCommand(CASE, "PC-CE-2", "MPS-CE-CID", LATER))
                .expectEvents(new OfficerAssignedEvent(CASE, "PC-CE-2", "MPS-CE-CID", LATER));
        setUp();
        as(CE_OFFICER, assigned, new AssignOfficerCommand(CASE, "PC-NW-1", "MPS-NW-CID", LATER))
                .expectException(CaseRuleViolationException.class)
                .expectExceptionMessage("Only the case's own BCU or a supervisor can assign it to an officer of another unit")
                .expectNoEvents();
    }

    @Test
    void anotherAgencyActsOnlyOnceTheOwningBcuHasSharedTheCaseWithIt() {
        as(CPS, recordedInWestminster(), new IdentifySuspectCommand(CASE, new SuspectId("S1"), LATER))
                .expectException(AggregateNotFoundException.class).expectNoEvents();
        setUp();
        as(AW_OFFICER, recordedInWestminster(), new ShareCaseWithUnitCommand(CASE, "CPS-London-South", LATER))
                .expectEvents(new CaseSharedWithUnitEvent(CASE, "CPS-London-South", LATER));
        setUp();
        List<Object> shared = new java.util.ArrayList<>(recordedInWestminster());
        shared.add(new CaseSharedWithUnitEvent(CASE, "CPS-London-South", LATER));
        as(CPS, shared, new IdentifySuspectCommand(CASE, new SuspectId("S1"), LATER))
                .expectEvents(new SuspectIdentifiedEvent(CASE, new SuspectId("S1"), LATER));
        setUp();
        // A unit the case is shared with cannot bring in yet another.
        as(CPS, shared, new ShareCaseWithUnitCommand(CASE, "WCU-North", LATER))
                .expectException(CaseRuleViolationException.class).expectNoEvents();
    }

    @Test
    void theReportingUnitOwnsACaseUntilItsBoroughIsRecordedAndTheCommissionerSeesAll() {
        List<Object> reported = List.of(recordedInWestminster().get(0));
        as(new StaffScope("PC-AW-9", "MPS-AW-CID", null, false, false), reported,
                new RecordCrimeCommand(CASE, "CRIS-8/26", OffenceCategory.FRAUD, Borough.WESTMINSTER, Set.of(), Set.of(), LATER))
                .expectSuccessfulHandlerExecution();
        setUp();
        as(CE_OFFICER, reported, new CloseCaseCommand(CASE, "x", LATER)).expectException(AggregateNotFoundException.class);
        setUp();
        as(COMMISSIONER, recordedInWestminster(), new CloseCaseCommand(CASE, "x", LATER))
                .expectEvents(new CaseClosedEvent(CASE, "x", LATER));
    }

    @Test
    void aCommandFromInsideTheServiceCarriesNoScopeAndIsNotChecked() {
        fixture.given(recordedInWestminster()).when(new CloseCaseCommand(CASE, "x", LATER))
               .expectEvents(new CaseClosedEvent(CASE, "x", LATER));
    }
}
