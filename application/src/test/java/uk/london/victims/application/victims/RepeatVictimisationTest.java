package uk.london.victims.application.victims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import uk.london.victims.application.store.OnEachBackend;
import uk.london.victims.application.store.StoreBackend;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.CaseRuleViolationException;
import uk.london.victims.domain.cases.PersistentTargetingSource;
import uk.london.victims.domain.cases.VictimAddedEvent;
import uk.london.victims.domain.cases.VictimKind;
import uk.london.victims.domain.cases.victims.RecordPersistentTargetingCommand;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.Sealed;

/** The same person as a victim in other cases, found by their person id within the configured period. */
class RepeatVictimisationTest extends OnEachBackend {

    private static final PersonId PERSON = new PersonId("person-0001");
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private CommandGateway commands;
    private RepeatVictimisation process;

    @Override
    protected StoreBackend startBackend() {
        return StoreBackend.embedded();
    }

    @BeforeEach
    void process() {
        commands = mock(CommandGateway.class);
        process = new RepeatVictimisation(database, commands, new PersistentTargetingProperties(2, Duration.ofDays(365)));
    }

    private static VictimAddedEvent added(String caseId, PersonId person, Instant at) {
        return new VictimAddedEvent(new CaseId(caseId), person, VictimKind.DIRECT_VICTIM, new Sealed(person, "v1:x"), false, at);
    }

    @SuppressWarnings("unchecked")
    private RecordPersistentTargetingCommand sent() {
        ArgumentCaptor<CommandMessage<?>> message = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).sendAndWait(message.capture());
        assertThat(message.getValue().getMetaData()).containsEntry("recordedBy", RepeatVictimisation.RECORDED_BY);
        return (RecordPersistentTargetingCommand) message.getValue().getPayload();
    }

    @Test
    void aThirdCaseWithinTheYearRecordsTheVictimAsPersistentlyTargetedNamingTheOthers() {
        process.on(added("case-000A", PERSON, T0));
        process.on(added("case-000B", PERSON, T0.plus(Duration.ofDays(100))));
        verify(commands, never()).sendAndWait(any(Object.class));

        process.on(added("case-000C", PERSON, T0.plus(Duration.ofDays(200))));
        RecordPersistentTargetingCommand command = sent();
        assertThat(command.caseId()).isEqualTo(new CaseId("case-000C"));
        assertThat(command.victimId()).isEqualTo(PERSON);
        assertThat(command.source()).isEqualTo(PersistentTargetingSource.REPEAT_VICTIMISATION);
        assertThat(command.otherCaseIds()).containsExactly("case-000A", "case-000B");
        assertThat(command.occurredAt()).isEqualTo(T0.plus(Duration.ofDays(200)));
    }

    @Test
    void casesOutsideThePeriodOrOfOtherPeopleDoNotCount() {
        process.on(added("case-000A", PERSON, T0));
        process.on(added("case-000B", new PersonId("person-0002"), T0.plus(Duration.ofDays(10))));
        process.on(added("case-000C", PERSON, T0.plus(Duration.ofDays(400))));
        process.on(added("case-000D", PERSON, T0.plus(Duration.ofDays(500))));
        verify(commands, never()).sendAndWait(any(Object.class));
    }

    @Test
    void aRedeliveredEventIsCountedOnceAndARejectionDoesNotStopTheCount() {
        when(commands.sendAndWait(any(Object.class))).thenThrow(
                new CaseRuleViolationException("already-persistently-targeted", "already"));
        process.on(added("case-000A", PERSON, T0));
        process.on(added("case-000A", PERSON, T0));
        process.on(added("case-000B", PERSON, T0.plusSeconds(60)));
        verify(commands, never()).sendAndWait(any(Object.class));

        process.on(added("case-000C", PERSON, T0.plusSeconds(120)));
        process.on(added("case-000D", PERSON, T0.plusSeconds(180)));
        verify(commands, times(2)).sendAndWait(any(Object.class));
        assertThat(database.getCollection(RepeatVictimisation.COLLECTION).find().first().getList("cases", Object.class))
                .hasSize(4);
    }
}
