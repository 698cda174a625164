package uk.london.victims.domain.cases;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;

/** One reported crime and everything that happens to it and its victims, from report to closure. */
@AggregateRoot(type = "Case")
class Case {

    @AggregateIdentifier
    private CaseId caseId;
    private Instant reportedAt;

    Case() {
        // for Axon: rebuilt from events or a snapshot
    }

    @CommandHandler
    Case(ReportCrimeCommand command) {
        if (command.channel() == null) {
            throw new CaseRuleViolationException("channel-missing", "Say how the crime was reported (channel)");
        }
        RealWorldTime.requirePlausible(command.occurredAt(), RealWorldTime.EARLIEST_PLAUSIBLE);
        apply(new CrimeReportedEvent(command.caseId(), command.channel(), command.occurredAt()));
    }

    @CommandHandler
    void handle(RecordVictimInformedCommand command) {
        if (command.channel() == null) {
            throw new CaseRuleViolationException("channel-missing", "Say how the victim was told (channel)");
        }
        if (command.informedBy() == null || command.informedBy().isBlank()) {
            throw new CaseRuleViolationException("informed-by-missing", "Say who told the victim (informedBy)");
        }
        RealWorldTime.requirePlausible(command.occurredAt(), reportedAt);
        apply(new VictimInformedEvent(caseId, command.informedAbout(), command.channel(), command.informedBy(),
                command.occurredAt()));
    }

    @EventSourcingHandler
    void on(CrimeReportedEvent event) {
        this.caseId = event.caseId();
        this.reportedAt = event.occurredAt();
    }
}
