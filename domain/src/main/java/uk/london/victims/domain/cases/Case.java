package uk.london.victims.domain.cases;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.serialization.Revision;

import uk.london.victims.domain.cases.court.DecideAppealCommand;
import uk.london.victims.domain.cases.court.ListHearingCommand;
import uk.london.victims.domain.cases.court.LodgeAppealCommand;
import uk.london.victims.domain.cases.court.RecordHearingOutcomeCommand;
import uk.london.victims.domain.cases.court.RecordSentenceCommand;
import uk.london.victims.domain.cases.court.RecordVerdictCommand;
import uk.london.victims.domain.cases.court.RecordWitnessCareReceiptCommand;
import uk.london.victims.domain.cases.investigation.ArrestSuspectCommand;
import uk.london.victims.domain.cases.investigation.AssignOfficerCommand;
import uk.london.victims.domain.cases.investigation.CancelBailCommand;
import uk.london.victims.domain.cases.investigation.ChangeBailConditionsCommand;
import uk.london.victims.domain.cases.investigation.DecideNotToInvestigateCommand;
import uk.london.victims.domain.cases.investigation.GiveOutOfCourtDisposalCommand;
import uk.london.victims.domain.cases.investigation.IdentifySuspectCommand;
import uk.london.victims.domain.cases.investigation.InterviewSuspectCommand;
import uk.london.victims.domain.cases.investigation.ReclassifyCrimeCommand;
import uk.london.victims.domain.cases.investigation.RecordCrimeCommand;
import uk.london.victims.domain.cases.investigation.ReleaseSuspectOnBailCommand;
import uk.london.victims.domain.cases.investigation.ReleaseSuspectUnderInvestigationCommand;
import uk.london.victims.domain.cases.investigation.ReportCrimeCommand;
import uk.london.victims.domain.cases.investigation.TakeNoFurtherActionCommand;
import uk.london.victims.domain.cases.prosecution.ChangeChargeSubstantiallyCommand;
import uk.london.victims.domain.cases.prosecution.ChargeSuspectCommand;
import uk.london.victims.domain.cases.prosecution.DiscontinueProsecutionCommand;
import uk.london.victims.domain.cases.prosecution.OfferNoEvidenceCommand;
import uk.london.victims.domain.cases.prosecution.RecordChargingDecisionCommand;
import uk.london.victims.domain.cases.prosecution.RecordReviewDecisionCommand;
import uk.london.victims.domain.cases.prosecution.RequestDecisionReviewCommand;
import uk.london.victims.domain.cases.prosecution.SendFileToCpsCommand;
import uk.london.victims.domain.cases.restorative.RecordRestorativeJusticeStepCommand;
import uk.london.victims.domain.cases.victims.AddDelegateCommand;
import uk.london.victims.domain.cases.victims.AddVictimCommand;
import uk.london.victims.domain.cases.victims.GrantEnhancedRightsByDiscretionCommand;
import uk.london.victims.domain.cases.victims.MakeComplaintCommand;
import uk.london.victims.domain.cases.victims.RateTreatmentCommand;
import uk.london.victims.domain.cases.victims.RecordComplaintResponseCommand;
import uk.london.victims.domain.cases.victims.RecordDelegateConsentCommand;
import uk.london.victims.domain.cases.victims.RecordEqualityDataCommand;
import uk.london.victims.domain.cases.victims.RecordNeedsAssessmentCommand;
import uk.london.victims.domain.cases.victims.RecordPersistentTargetingCommand;
import uk.london.victims.domain.cases.victims.RecordSupportReferralCommand;
import uk.london.victims.domain.cases.victims.RecordVictimContactSchemeCommand;
import uk.london.victims.domain.cases.victims.RecordVictimInformedCommand;
import uk.london.victims.domain.cases.victims.RecordVictimPersonalStatementCommand;
import uk.london.victims.domain.cases.victims.RequestUpdateCommand;
import uk.london.victims.domain.cases.victims.SendMessageCommand;
import uk.london.victims.domain.cases.victims.SetContactPreferencesCommand;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.Sealed;

/**
 * One reported crime and everything that happens to it, from report to closure. Each command handler
 * checks the command against the history so far and applies events; the event-sourcing handlers only
 * record state. Every rejection carries a stable code (see {@link CaseRuleViolationException}).
 */
@AggregateRoot(type = "Case")
// Revision 2 added who may see and act on the case; older snapshots lack it and are discarded (rebuilt from events).
@Revision("2")
class Case {

    private static final Pattern CRIME_REFERENCE = Pattern.compile("[A-Za-z0-9/-]{4,30}");

    @AggregateIdentifier
    private CaseId caseId;
    private Instant reportedAt;
    private CaseStatus status;
    private String crimeReference;
    /** The Basic Command Unit of the recorded borough; null until the crime is recorded. */
    private String bcu;
    /** The unit that reported the case: it owns the case until a borough (and so a BCU) is recorded. */
    private String reportingUnit;
    private String officerId;
    private String officerUnit;
    /** Units concerned with the case: the reporting unit, every unit an officer was assigned from, units shared with. */
    private final Set<String> units = new HashSet<>();
    // Entities: each applies the events that name it (ForwardMatchingInstances, by their @EntityId's routing key);
    // the case still decides every command, because its rules join suspects, hearings, victims and case status.
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<SuspectId, Suspect> suspects = new HashMap<>();
    private final Map<HearingId, Hearing> hearings = new HashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<PersonId, Victim> victims = new HashMap<>();
    /** Each delegate and the victim they act for; whether consent stands is for those who read the events. */
    private final Map<PersonId, PersonId> delegates = new HashMap<>();
    /** Court and CPS events by sequence number, with when they were made: what Witness Care can receive. */
    private final Map<Long, Instant> courtAndCpsEvents = new HashMap<>();

    /** A listed hearing: which defendant it concerns. */
    private record Hearing(SuspectId suspectId) {
    }

    Case() {
        // for Axon: rebuilt from events or a snapshot
    }

    // ---------------------------------------------------------------------------------- who may act

    /**
     * A member of staff acts only on a case they may see, by the same rule as reads (ADR 0008): a case
     * they may not see answers exactly as a case that does not exist, and records nothing. Checked here,
     * on the case's own state, because the read model may lag a case that was just reported (ADR 0018).
     */
    @CommandHandlerInterceptor
    Object checkStaffMayAct(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Optional<StaffScope> scope = StaffScope.of(command.getMetaData());
        if (scope.isPresent()) {
            if (!visibleTo(scope.get())) {
                throw new AggregateNotFoundException(caseId.value(), "No such case");
            }
            if (command.getPayload() instanceof AssignOfficerCommand assign && !ownedBy(scope.get())
                && !Objects.equals(assign.unit(), scope.get().unit())) {
                throw new CaseRuleViolationException("assignment-needs-owning-bcu",
                        "Only the case's own BCU or a supervisor can assign it to an officer of another unit");
            }
        }
        Object expected = command.getMetaData().get(StaffScope.EXPECTED_VERSION);
        if (expected instanceof Number version && version.longValue() != AggregateLifecycle.getVersion()) {
            throw new ConflictingAggregateVersionException(caseId.value(), version.longValue(), AggregateLifecycle.getVersion());
        }
        return chain.proceed();
    }

    private boolean visibleTo(StaffScope staff) {
        return staff.seesAllCases()
               || (staff.bcu() != null && staff.bcu().equalsIgnoreCase(bcu))
               || (staff.unit() != null && (units.contains(staff.unit()) || staff.unit().equals(officerUnit)))
               || staff.staffId().equals(officerId);
    }

    /** The owning BCU, or before a borough is recorded the reporting unit; a supervisor acts for any. */
    private boolean ownedBy(StaffScope staff) {
        if (staff.supervises()) {
            return true;
        }
        return bcu == null ? staff.unit() != null && staff.unit().equals(reportingUnit)
                           : staff.bcu() != null && staff.bcu().equalsIgnoreCase(bcu);
    }

    @CommandHandler
    long handle(ShareCaseWithUnitCommand command, CommandMessage<?> message) {
        requireTime(command.occurredAt());
        require(notBlank(command.unit()), "unit-missing", "Say which unit to share the case with (unit)");
        require(StaffScope.of(message.getMetaData()).map(this::ownedBy).orElse(true), "sharing-needs-owning-bcu",
                "Only the case's own BCU or a supervisor can bring another unit into it");
        require(!units.contains(command.unit()), "already-shared", "The case is already shared with " + command.unit());
        apply(new CaseSharedWithUnitEvent(caseId, command.unit(), command.occurredAt()));
        return version();
    }

    // ---------------------------------------------------------------------------------- the case

    @CommandHandler
    Case(ReportCrimeCommand command) {
        require(command.channel() != null, "channel-missing", "Say how the crime was reported (channel)");
        RealWorldTime.requirePlausible(command.occurredAt(), RealWorldTime.EARLIEST_PLAUSIBLE);
        apply(new CrimeReportedEvent(command.caseId(), command.channel(), command.occurredAt()));
    }

    @CommandHandler
    long handle(RecordCrimeCommand command) {
        requireTime(command.occurredAt());
        require(crimeReference == null, "crime-already-recorded",
                "This report is already recorded as crime " + crimeReference + "; use reclassification to change it");
        // Recorded in one spelling, so the reference is the same whichever case it was typed in (ADR 0018).
        String reference = CrimeReferences.normalise(command.crimeReference());
        require(reference != null && CRIME_REFERENCE.matcher(reference).matches(),
                "crime-reference-invalid", "crimeReference must be 4 to 30 letters, digits, slashes or hyphens");
        require(command.offence() != null, "offence-missing", "Say what the offence is (offence)");
        require(command.borough() != null, "borough-missing", "Say which London borough the crime is in (borough)");
        requireHateStrandsMatch(command.priorityFlags(), command.hateStrands());
        apply(new CrimeRecordedEvent(caseId, reference, command.offence(), command.borough(),
                Set.copyOf(orEmpty(command.priorityFlags())), Set.copyOf(orEmpty(command.hateStrands())),
                command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(ReclassifyCrimeCommand command) {
        requireTime(command.occurredAt());
        requireRecorded();
        require(command.offence() != null, "offence-missing", "Say what the offence is now (offence)");
        requireReason(command.reason());
        requireHateStrandsMatch(command.priorityFlags(), command.hateStrands());
        apply(new CrimeReclassifiedEvent(caseId, command.offence(), Set.copyOf(orEmpty(command.priorityFlags())),
                Set.copyOf(orEmpty(command.hateStrands())), command.reason(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(DecideNotToInvestigateCommand command) {
        requireTime(command.occurredAt());
        requireRecorded();
        requireOpen();
        require(suspects.values().stream().noneMatch(Suspect::beingProsecuted), "prosecution-running",
                "A suspect is being prosecuted; the case cannot be left uninvestigated");
        requireReason(command.reason());
        apply(new CrimeNotInvestigatedEvent(caseId, command.reason(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(AssignOfficerCommand command) {
        requireTime(command.occurredAt());
        require(notBlank(command.officerId()), "officer-missing", "Say which officer (officerId)");
        require(notBlank(command.unit()), "unit-missing", "Say which unit the officer is in (unit)");
        apply(new OfficerAssignedEvent(caseId, command.officerId(), command.unit(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(FileCaseCommand command) {
        requireTime(command.occurredAt());
        requireRecorded();
        requireOpen();
        require(suspects.values().stream().noneMatch(Suspect::beingProsecuted), "prosecution-running",
                "A suspect is being prosecuted; a case cannot be filed while that runs");
        requireReason(command.reason());
        apply(new CaseFiledEvent(caseId, command.reason(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(ReopenCaseCommand command) {
        requireTime(command.occurredAt());
        boolean closedOrStopped = status == CaseStatus.FILED || status == CaseStatus.CLOSED
                                  || status == CaseStatus.NOT_INVESTIGATED;
        require(closedOrStopped || suspects.values().stream().anyMatch(s -> s.noFurtherAction), "nothing-to-reopen",
                "Only a filed, closed or not-investigated case, or one with a no-further-action decision, can be reopened");
        requireReason(command.reason());
        apply(new CaseReopenedEvent(caseId, command.reason(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(CloseCaseCommand command) {
        requireTime(command.occurredAt());
        require(status != CaseStatus.CLOSED, "case-closed", "The case is already closed");
        require(suspects.values().stream().noneMatch(Suspect::beingProsecuted), "prosecution-running",
                "A suspect is being prosecuted; the case cannot be closed while that runs");
        requireReason(command.reason());
        apply(new CaseClosedEvent(caseId, command.reason(), command.occurredAt()));
        return version();
    }

    // ---------------------------------------------------------------------------------- suspects

    @CommandHandler
    long handle(IdentifySuspectCommand command) {
        requireTime(command.occurredAt());
        requireRecorded();
        requireOpen();
        require(command.suspectId() != null, "suspect-missing", "Say which suspect (suspectId)");
        require(!suspects.containsKey(command.suspectId()), "suspect-already-identified",
                "Suspect " + command.suspectId() + " is already on this case");
        apply(new SuspectIdentifiedEvent(caseId, command.suspectId(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(ArrestSuspectCommand command) {
        Suspect suspect = activeSuspect(command.suspectId(), command.occurredAt());
        require(!suspect.charged, "suspect-already-charged", "The suspect has been charged; record court events instead");
        apply(new SuspectArrestedEvent(caseId, suspect.id, command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(InterviewSuspectCommand command) {
        Suspect suspect = activeSuspect(command.suspectId(), command.occurredAt());
        apply(new SuspectInterviewedEvent(caseId, suspect.id, command.admittedOffence(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(ReleaseSuspectOnBailCommand command) {
        Suspect suspect = activeSuspect(command.suspectId(), command.occurredAt());
        require(suspect.arrested, "suspect-not-arrested", "Only an arrested suspect can be released on bail");
        apply(new SuspectReleasedOnBailEvent(caseId, suspect.id, List.copyOf(orEmpty(command.conditions())),
                command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(ChangeBailConditionsCommand command) {
        Suspect suspect = activeSuspect(command.suspectId(), command.occurredAt());
        require(suspect.onBail, "suspect-not-on-bail", "The suspect is not on bail");
        apply(new BailConditionsChangedEvent(caseId, suspect.id, List.copyOf(orEmpty(command.conditions())),
                command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(CancelBailCommand command) {
        Suspect suspect = activeSuspect(command.suspectId(), command.occurredAt());
        require(suspect.onBail, "suspect-not-on-bail", "The suspect is not on bail");
        requireReason(command.reason());
        apply(new BailCancelledEvent(caseId, suspect.id, command.reason(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(ReleaseSuspectUnderInvestigationCommand command) {
        Suspect suspect = activeSuspect(command.suspectId(), command.occurredAt());
        require(suspect.arrested, "suspect-not-arrested", "Only an arrested suspect can be released under investigation");
        apply(new SuspectReleasedUnderInvestigationEvent(caseId, suspect.id, command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(TakeNoFurtherActionCommand command) {
        Suspect suspect = activeSuspect(command.suspectId(), command.occurredAt());
        require(!suspect.charged, "suspect-already-charged",
                "The suspect has been charged; only the CPS can stop the prosecution now");
        requireReason(command.reason());
        apply(new NoFurtherActionTakenEvent(caseId, suspect.id, command.reason(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(GiveOutOfCourtDisposalCommand command) {
        Suspect suspect = activeSuspect(command.suspectId(), command.occurredAt());
        require(command.disposal() != null, "disposal-missing", "Say which out-of-court disposal (disposal)");
        require(!suspect.charged, "suspect-already-charged", "A charged suspect cannot be given an out-of-court disposal");
        boolean caution = command.disposal() == OutOfCourtDisposal.SIMPLE_CAUTION
                          || command.disposal() == OutOfCourtDisposal.CONDITIONAL_CAUTION;
        require(!caution || command.admittedOffence() || suspect.admittedGuilt, "caution-needs-admission",
                "A caution can only be given to someone who has admitted the offence");
        apply(new OutOfCourtDisposalGivenEvent(caseId, suspect.id, command.disposal(), command.admittedOffence(),
                command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(ChargeSuspectCommand command) {
        Suspect suspect = activeSuspect(command.suspectId(), command.occurredAt());
        require(!suspect.charged, "suspect-already-charged", "The suspect is already charged");
        require(!suspect.withCps, "awaiting-cps-decision", "The file is with the CPS; the CPS records its charging decision");
        require(command.charges() != null && !command.charges().isEmpty(), "charges-missing", "List the charges (charges)");
        apply(new SuspectChargedEvent(caseId, suspect.id, List.copyOf(command.charges()), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(SendFileToCpsCommand command) {
        Suspect suspect = activeSuspect(command.suspectId(), command.occurredAt());
        require(!suspect.charged, "suspect-already-charged", "The suspect is already charged");
        require(!suspect.withCps, "awaiting-cps-decision", "The file is already with the CPS");
        apply(new FileSentToCpsEvent(caseId, suspect.id, command.occurredAt()));
        return version();
    }

    // ---------------------------------------------------------------------------------- CPS

    @CommandHandler
    long handle(RecordChargingDecisionCommand command) {
        Suspect suspect = activeSuspect(command.suspectId(), command.occurredAt());
        require(suspect.withCps, "no-file-with-cps", "No file on this suspect is waiting for a CPS decision");
        require(command.decision() != null, "decision-missing", "Say what was decided (decision)");
        boolean charge = command.decision() == ChargingDecision.CHARGE;
        require(!charge || (command.charges() != null && !command.charges().isEmpty()), "charges-missing",
                "A decision to charge lists the charges (charges)");
        require(charge || notBlank(command.reason()), "reason-missing",
                "A decision not to charge, or to ask for more evidence, gives the reason (reason)");
        apply(new ChargingDecisionMadeEvent(caseId, suspect.id, command.decision(),
                List.copyOf(orEmpty(command.charges())), command.reason(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(DiscontinueProsecutionCommand command) {
        Suspect suspect = knownSuspect(command.suspectId(), command.occurredAt());
        require(suspect.beingProsecuted(), "no-prosecution-running", "There is no running prosecution of this suspect to stop");
        requireReason(command.reason());
        apply(new ProsecutionDiscontinuedEvent(caseId, suspect.id, command.reason(), command.occurredAt()));
        return version();
    }

    // ---------------------------------------------------------------------------------- court

    @CommandHandler
    long handle(ListHearingCommand command) {
        Suspect suspect = knownSuspect(command.suspectId(), command.occurredAt());
        require(command.hearingId() != null, "hearing-missing", "Say which hearing (hearingId)");
        require(!hearings.containsKey(command.hearingId()), "hearing-already-listed",
                "Hearing " + command.hearingId() + " is already listed; list a new hearing for a new date");
        require(suspect.charged && !suspect.discontinued, "not-charged", "Only a charged defendant's case is listed at court");
        require(notBlank(command.court()), "court-missing", "Say which court (court)");
        require(command.scheduledFor() != null, "scheduled-for-missing", "Say when the hearing is (scheduledFor)");
        require(command.type() != null, "hearing-type-missing", "Say what kind of hearing it is (type)");
        apply(new HearingListedEvent(caseId, command.hearingId(), suspect.id, command.court(), command.scheduledFor(),
                command.type(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(RecordWitnessCareReceiptCommand command) {
        requireTime(command.occurredAt());
        require(command.aboutSequence() != null, "about-missing", "Say which court or CPS event was received (aboutSequence)");
        Instant madeAt = courtAndCpsEvents.get(command.aboutSequence());
        require(madeAt != null, "not-court-or-cps-event",
                "aboutSequence must be a court or CPS event on this case (a listing, outcome, verdict, sentence or decision)");
        require(!command.occurredAt().isBefore(madeAt), "receipt-before-event",
                "Witness Care cannot have received it before the court or CPS made it (" + madeAt + ")");
        require(notBlank(command.information()), "information-missing", "Say what Witness Care received (information)");
        apply(new CourtInformationReceivedByWitnessCareEvent(caseId, command.aboutSequence(), command.information(),
                command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(RecordHearingOutcomeCommand command) {
        requireTime(command.occurredAt());
        Hearing hearing = knownHearing(command.hearingId());
        require(command.outcome() != null, "outcome-missing", "Say what happened (outcome)");
        Suspect defendant = suspects.get(hearing.suspectId());
        require(defendant.beingProsecuted() || command.outcome() == HearingOutcome.ADJOURNED, "no-prosecution-running",
                "The prosecution of this defendant is over");
        apply(new HearingOutcomeRecordedEvent(caseId, command.hearingId(), command.outcome(),
                List.copyOf(orEmpty(command.conditions())), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(RecordVerdictCommand command) {
        Suspect suspect = knownSuspect(command.suspectId(), command.occurredAt());
        require(command.verdict() != null, "verdict-missing", "Say what the verdict was (verdict)");
        require(suspect.beingProsecuted(), "no-prosecution-running",
                "A verdict needs a running prosecution (charged, not stopped, no verdict or guilty plea yet)");
        require(hearings.values().stream().anyMatch(h -> h.suspectId().equals(suspect.id)), "no-hearing",
                "A verdict needs a hearing listed for the defendant");
        apply(new VerdictRecordedEvent(caseId, suspect.id, command.verdict(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(RecordSentenceCommand command) {
        Suspect suspect = knownSuspect(command.suspectId(), command.occurredAt());
        require(suspect.convicted, "not-convicted", "A sentence needs a conviction (a guilty verdict or plea) first");
        require(!suspect.sentenced, "already-sentenced", "The defendant has already been sentenced");
        require(command.sentence() != null, "sentence-missing", "Say what the sentence is (sentence)");
        boolean custodial = command.sentence() == SentenceType.IMMEDIATE_CUSTODY
                            || command.sentence() == SentenceType.SUSPENDED_SENTENCE;
        require(!custodial || (command.lengthMonths() != null && command.lengthMonths() > 0), "length-missing",
                "A custodial or suspended sentence gives its length in months (lengthMonths)");
        require(command.lengthMonths() == null || command.lengthMonths() >= 0, "length-invalid", "lengthMonths cannot be negative");
        apply(new SentenceRecordedEvent(caseId, suspect.id, command.sentence(), command.lengthMonths(),
                List.copyOf(orEmpty(command.ancillaryOrders())), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(ChangeChargeSubstantiallyCommand command) {
        Suspect suspect = knownSuspect(command.suspectId(), command.occurredAt());
        require(suspect.beingProsecuted(), "no-prosecution-running", "Only a running prosecution's charges can change");
        require(command.charges() != null && !command.charges().isEmpty(), "charges-missing", "List the new charges (charges)");
        requireReason(command.reason());
        apply(new ChargeSubstantiallyChangedEvent(caseId, suspect.id, List.copyOf(command.charges()), command.reason(),
                command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(OfferNoEvidenceCommand command) {
        Suspect suspect = knownSuspect(command.suspectId(), command.occurredAt());
        require(suspect.beingProsecuted(), "no-prosecution-running", "There is no running prosecution of this suspect");
        requireReason(command.reason());
        apply(new NoEvidenceOfferedEvent(caseId, suspect.id, command.reason(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(RequestDecisionReviewCommand command) {
        knownVictim(command.victimId(), command.occurredAt());
        Suspect suspect = knownSuspect(command.suspectId(), command.occurredAt());
        require(command.decision() != null, "decision-missing", "Say which decision is to be reviewed (decision)");
        boolean decisionExists = switch (command.decision()) {
            case POLICE_NO_FURTHER_ACTION, CPS_NO_CHARGE -> suspect.noFurtherAction;
            case CPS_DISCONTINUANCE, CPS_NO_EVIDENCE_OFFERED -> suspect.discontinued;
        };
        require(decisionExists, "no-such-decision", "There is no such decision on this suspect to review");
        apply(new DecisionReviewRequestedEvent(caseId, command.victimId(), suspect.id, command.decision(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(RecordReviewDecisionCommand command) {
        knownVictim(command.victimId(), command.occurredAt());
        Suspect suspect = knownSuspect(command.suspectId(), command.occurredAt());
        require(suspect.reviewRequested, "no-review-requested", "No review of a decision on this suspect was requested");
        require(command.outcome() != null, "outcome-missing", "Say what the review decided (outcome)");
        requireReason(command.reason());
        apply(new ReviewDecidedEvent(caseId, command.victimId(), suspect.id, command.outcome(), command.reason(),
                command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(LodgeAppealCommand command) {
        Suspect suspect = knownSuspect(command.suspectId(), command.occurredAt());
        require(suspect.convicted, "not-convicted", "Only a conviction or its sentence can be appealed");
        require(command.against() != null, "against-missing", "Say what is appealed: CONVICTION or SENTENCE (against)");
        require(command.against() != AppealAgainst.SENTENCE || suspect.sentenced, "not-sentenced",
                "A sentence can be appealed once it is passed");
        apply(new AppealLodgedEvent(caseId, suspect.id, command.against(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(DecideAppealCommand command) {
        Suspect suspect = knownSuspect(command.suspectId(), command.occurredAt());
        require(suspect.appealPending, "no-appeal", "No appeal is pending for this defendant");
        require(command.outcome() != null, "outcome-missing", "Say what the appeal decided (outcome)");
        apply(new AppealDecidedEvent(caseId, suspect.id, command.outcome(), command.occurredAt()));
        return version();
    }

    // ---------------------------------------------------------------------------------- restorative justice

    @CommandHandler
    long handle(RecordRestorativeJusticeStepCommand command) {
        Suspect offender = knownSuspect(command.suspectId(), command.occurredAt());
        RestorativeJusticeStep step = command.step();
        require(step != null, "step-missing", "Say which restorative justice step (step)");
        require(offender.admittedGuilt, "no-admission-of-guilt",
                "Restorative justice is only offered once the offender has admitted guilt");
        require(step == RestorativeJusticeStep.OFFERED || step == RestorativeJusticeStep.REQUESTED_BY_VICTIM
                || !offender.restorativeJusticeClosed, "restorative-justice-not-open",
                "Restorative justice has not been offered or requested, or was closed; start again with OFFERED");
        boolean meeting = step == RestorativeJusticeStep.CONFERENCE_HELD
                          || step == RestorativeJusticeStep.INDIRECT_COMMUNICATION_HELD;
        require(!meeting || offender.restorativeJusticeSteps.containsAll(
                        Set.of(RestorativeJusticeStep.VICTIM_CONSENTED, RestorativeJusticeStep.OFFENDER_CONSENTED)),
                "consent-missing", "Both the victim and the offender must consent before a conference or indirect communication");
        require(step != RestorativeJusticeStep.CLOSED || notBlank(command.detail()), "reason-missing",
                "Closing restorative justice gives the reason (detail)");
        apply(new RestorativeJusticeStepRecordedEvent(caseId, offender.id, step, command.detail(), command.occurredAt()));
        return version();
    }

    // ---------------------------------------------------------------------------------- victims

    @CommandHandler
    long handle(AddVictimCommand command) {
        requireTime(command.occurredAt());
        require(command.victimId() != null, "victim-missing", "Say which person (victimId)");
        require(!victims.containsKey(command.victimId()), "victim-already-added",
                "This person is already a victim in the case");
        require(command.kind() != null, "kind-missing", "Say how the person is a victim (kind)");
        requireSealedFor(command.personalDetails(), command.victimId());
        apply(new VictimAddedEvent(caseId, command.victimId(), command.kind(), command.personalDetails(),
                command.under18AtOffence(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(RecordNeedsAssessmentCommand command) {
        knownVictim(command.victimId(), command.occurredAt());
        require(!command.interpreterNeeded() || notBlank(command.language()), "language-missing",
                "Say which language the interpreter is for (language)");
        apply(new NeedsAssessedEvent(caseId, command.victimId(), Set.copyOf(orEmpty(command.enhancedRightsReasons())),
                command.interpreterNeeded(), command.language(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(RecordPersistentTargetingCommand command) {
        Victim victim = knownVictim(command.victimId(), command.occurredAt());
        require(command.source() != null, "source-missing",
                "Say how it was found: REPEAT_VICTIMISATION or OFFICER_ASSESSMENT (source)");
        require(!victim.persistentlyTargeted, "already-persistently-targeted",
                "This victim is already recorded as persistently targeted in this case");
        List<String> others = List.copyOf(orEmpty(command.otherCaseIds()));
        require(command.source() != PersistentTargetingSource.REPEAT_VICTIMISATION || !others.isEmpty(), "other-cases-missing",
                "A finding from repeat victimisation names the other cases (otherCaseIds)");
        require(others.stream().noneMatch(id -> id.equals(caseId.value())), "other-cases-invalid",
                "otherCaseIds are other cases, not this one");
        require(command.source() != PersistentTargetingSource.OFFICER_ASSESSMENT || notBlank(command.reason()), "reason-missing",
                "An officer's assessment gives the reason (reason)");
        apply(new VictimPersistentlyTargetedEvent(caseId, command.victimId(), command.source(), others, command.reason(),
                command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(GrantEnhancedRightsByDiscretionCommand command) {
        knownVictim(command.victimId(), command.occurredAt());
        requireReason(command.reason());
        apply(new EnhancedRightsGrantedByDiscretionEvent(caseId, command.victimId(), command.reason(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(SetContactPreferencesCommand command) {
        knownVictim(command.victimId(), command.occurredAt());
        Set<ContactChannel> channels = Set.copyOf(orEmpty(command.channels()));
        Set<ContactChannel> unsafe = Set.copyOf(orEmpty(command.unsafeChannels()));
        require(command.declinedUpdates() || !channels.isEmpty(), "channels-missing",
                "Say how the victim wants to be told (channels), or that they declined updates");
        require(channels.stream().noneMatch(unsafe::contains), "channel-unsafe",
                "A channel marked not safe to use cannot also be a preferred channel");
        require(command.updateIntervalDays() == null || (command.updateIntervalDays() >= 1 && command.updateIntervalDays() <= 365),
                "update-interval-invalid", "updateIntervalDays is between 1 and 365");
        apply(new ContactPreferencesSetEvent(caseId, command.victimId(), channels, unsafe, command.declinedUpdates(),
                command.updateIntervalDays(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(RecordSupportReferralCommand command) {
        knownVictim(command.victimId(), command.occurredAt());
        require(!command.consentGiven() || notBlank(command.service()), "service-missing",
                "Say which support service the victim was referred to (service)");
        apply(new SupportReferralRecordedEvent(caseId, command.victimId(), command.consentGiven(), command.service(),
                command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(RecordEqualityDataCommand command) {
        knownVictim(command.victimId(), command.occurredAt());
        apply(new EqualityDataRecordedEvent(caseId, command.victimId(), command.ageBand(), command.sex(),
                command.ethnicGroup(), command.disability(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(RecordVictimPersonalStatementCommand command) {
        Victim victim = knownVictim(command.victimId(), command.occurredAt());
        VictimPersonalStatementStep step = command.step();
        require(step != null, "step-missing", "Say which step of the Victim Personal Statement (step)");
        boolean made = victim.statementSteps.contains(VictimPersonalStatementStep.MADE);
        require(step != VictimPersonalStatementStep.UPDATED || made, "statement-not-made",
                "Only a statement that was made can be updated");
        require(step != VictimPersonalStatementStep.READ_AT_SENTENCE || made, "statement-not-made",
                "Only a statement that was made can be read at sentence");
        require(step != VictimPersonalStatementStep.READ_AT_SENTENCE || suspects.values().stream().anyMatch(s -> s.convicted),
                "not-convicted", "A statement is read at sentence, after a conviction");
        apply(new VictimPersonalStatementRecordedEvent(caseId, command.victimId(), step, command.wishesToReadInCourt(),
                command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(RecordVictimContactSchemeCommand command) {
        knownVictim(command.victimId(), command.occurredAt());
        Suspect offender = knownSuspect(command.suspectId(), command.occurredAt());
        require(command.step() != null, "step-missing", "Say which step of the Victim Contact Scheme (step)");
        require(offender.sentenced, "not-sentenced", "The Victim Contact Scheme follows a sentence");
        apply(new VictimContactSchemeRecordedEvent(caseId, command.victimId(), offender.id, command.step(),
                command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(MakeComplaintCommand command) {
        Victim victim = knownVictim(command.victimId(), command.occurredAt());
        require(notBlank(command.complaintId()), "complaint-missing", "Give the complaint a reference (complaintId)");
        require(!victim.complaints.containsKey(command.complaintId()), "complaint-already-made",
                "Complaint " + command.complaintId() + " is already recorded");
        require(command.agency() != null, "agency-missing", "Say which agency the complaint is about (agency)");
        requireSealedFor(command.summary(), command.victimId());
        apply(new ComplaintMadeEvent(caseId, command.victimId(), command.complaintId(), command.agency(), command.summary(),
                command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(RecordComplaintResponseCommand command) {
        Victim victim = knownVictim(command.victimId(), command.occurredAt());
        Instant made = victim.complaints.get(command.complaintId());
        require(made != null, "unknown-complaint", "There is no complaint " + command.complaintId() + " from this victim");
        require(!command.occurredAt().isBefore(made), "response-before-complaint", "A response cannot precede the complaint");
        require(command.step() != null, "step-missing", "Say what the agency did (step)");
        apply(new ComplaintResponseRecordedEvent(caseId, command.victimId(), command.complaintId(), command.step(),
                command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(RequestUpdateCommand command) {
        knownVictim(command.victimId(), command.occurredAt());
        require(command.agency() != null, "agency-missing", "Say which agency the update is asked of (agency)");
        apply(new UpdateRequestedEvent(caseId, command.victimId(), command.agency(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(SendMessageCommand command) {
        knownVictim(command.victimId(), command.occurredAt());
        require(notBlank(command.messageId()), "message-id-missing", "Give the message a reference (messageId)");
        require(command.agency() != null, "agency-missing", "Say which agency the message is for (agency)");
        requireSealedFor(command.text(), command.victimId());
        apply(new MessageFromVictimEvent(caseId, command.victimId(), command.messageId(), command.agency(), command.text(),
                command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(RateTreatmentCommand command) {
        knownVictim(command.victimId(), command.occurredAt());
        require(command.stage() != null, "stage-missing", "Say which stage the rating is about (stage)");
        require(command.rating() >= 1 && command.rating() <= 5, "rating-out-of-range", "A rating is from 1 to 5");
        apply(new TreatmentRatedEvent(caseId, command.victimId(), command.stage(), command.rating(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(AddDelegateCommand command) {
        knownVictim(command.victimId(), command.occurredAt());
        require(command.delegateId() != null, "delegate-missing", "Say which person (delegateId)");
        require(!delegates.containsKey(command.delegateId()) && !victims.containsKey(command.delegateId()),
                "delegate-already-added", "This person is already on the case");
        require(command.role() != null, "role-missing", "Say how the person acts for the victim (role)");
        requireSealedFor(command.personalDetails(), command.delegateId());
        apply(new DelegateAddedEvent(caseId, command.delegateId(), command.victimId(), command.role(),
                command.personalDetails(), command.occurredAt()));
        return version();
    }

    @CommandHandler
    long handle(RecordDelegateConsentCommand command) {
        requireTime(command.occurredAt());
        require(command.delegateId() != null, "delegate-missing", "Say which delegate (delegateId)");
        PersonId victim = delegates.get(command.delegateId());
        require(victim != null, "unknown-delegate", "There is no such delegate on this case");
        apply(new DelegateConsentRecordedEvent(caseId, command.delegateId(), victim, command.consentGiven(),
                command.occurredAt()));
        return version();
    }

    // ---------------------------------------------------------------------------------- telling the victim

    @CommandHandler
    long handle(RecordVictimInformedCommand command) {
        require(command.channel() != null, "channel-missing", "Say how the victim was told (channel)");
        require(notBlank(command.informedBy()), "informed-by-missing", "Say who told the victim (informedBy)");
        requireTime(command.occurredAt());
        require(command.victimId() != null || victims.isEmpty(), "victim-missing", "Say which victim was told (victimId)");
        if (command.victimId() != null) {
            knownVictim(command.victimId(), command.occurredAt());
        }
        require(command.aboutSequence() == null || (command.aboutSequence() >= 0 && command.aboutSequence() <= version()),
                "unknown-event", "aboutSequence must be the sequence number of an event already on this case");
        require(command.informedAbout() == null || command.informedAbout().length() <= 200, "informed-about-too-long",
                "informedAbout is a few words, at most 200 characters");
        apply(new VictimInformedEvent(caseId, command.victimId(), command.aboutSequence(), command.informedAbout(),
                command.channel(), command.informedBy(), command.occurredAt()));
        return version();
    }

    // ---------------------------------------------------------------------------------- rules

    /** The case's version after this command's events: what an agency sends back in If-Match. */
    private static long version() {
        return AggregateLifecycle.getVersion();
    }

    private void requireTime(Instant occurredAt) {
        RealWorldTime.requirePlausible(occurredAt, reportedAt);
    }

    private void requireRecorded() {
        require(crimeReference != null, "crime-not-recorded", "The crime has not been recorded yet");
    }

    private void requireOpen() {
        require(status != CaseStatus.CLOSED && status != CaseStatus.FILED && status != CaseStatus.NOT_INVESTIGATED,
                "case-not-open", "The case is " + status.name().toLowerCase().replace('_', ' ') + "; reopen it first");
    }

    private Suspect knownSuspect(SuspectId id, Instant occurredAt) {
        requireTime(occurredAt);
        require(id != null, "suspect-missing", "Say which suspect (suspectId)");
        Suspect suspect = suspects.get(id);
        require(suspect != null, "unknown-suspect", "There is no suspect " + id + " on this case");
        return suspect;
    }

    /** A suspect the police may still act on: the case is open and no one decided to take no further action. */
    private Suspect activeSuspect(SuspectId id, Instant occurredAt) {
        Suspect suspect = knownSuspect(id, occurredAt);
        requireOpen();
        require(!suspect.noFurtherAction, "no-further-action-taken",
                "No further action was taken against this suspect; reopen the case first");
        return suspect;
    }

    private Victim knownVictim(PersonId id, Instant occurredAt) {
        requireTime(occurredAt);
        require(id != null, "victim-missing", "Say which victim (victimId)");
        Victim victim = victims.get(id);
        require(victim != null, "unknown-victim", "There is no such victim on this case");
        return victim;
    }

    private static void requireSealedFor(Sealed value, PersonId person) {
        require(value != null, "personal-details-missing", "The personal details are missing");
        require(value.person().equals(person), "sealed-for-another-person",
                "Personal details must be sealed under the person they are about");
    }

    private Hearing knownHearing(HearingId id) {
        require(id != null, "hearing-missing", "Say which hearing (hearingId)");
        Hearing hearing = hearings.get(id);
        require(hearing != null, "unknown-hearing", "There is no hearing " + id + " on this case");
        return hearing;
    }

    private static void requireHateStrandsMatch(Set<PriorityFlag> flags, Set<HateStrand> strands) {
        boolean hate = flags != null && flags.contains(PriorityFlag.HATE_CRIME);
        boolean hasStrands = strands != null && !strands.isEmpty();
        require(hate == hasStrands, "hate-strand-mismatch",
                "A hate crime names at least one strand (hateStrands), and only a hate crime has strands");
    }

    private static void requireReason(String reason) {
        require(notBlank(reason), "reason-missing", "Give the reason (reason)");
    }

    private static void require(boolean condition, String code, String message) {
        if (!condition) {
            throw new CaseRuleViolationException(code, message);
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static <T> Collection<T> orEmpty(Collection<T> values) {
        return values == null ? List.of() : values;
    }

    // ---------------------------------------------------------------------------------- state

    @EventSourcingHandler
    void on(CrimeReportedEvent event, @MetaDataValue(StaffScope.RECORDED_BY_UNIT) String unit) {
        caseId = event.caseId();
        reportingUnit = unit;
        if (unit != null) {
            units.add(unit);
        }
        reportedAt = event.occurredAt();
        status = CaseStatus.REPORTED;
    }

    @EventSourcingHandler
    void on(CrimeRecordedEvent event) {
        crimeReference = event.crimeReference();
        bcu = event.borough().bcu().code();
        status = CaseStatus.RECORDED;
    }

    @EventSourcingHandler
    void on(OfficerAssignedEvent event) {
        officerId = event.officerId();
        officerUnit = event.unit();
        units.add(event.unit());
    }

    @EventSourcingHandler
    void on(CaseSharedWithUnitEvent event) {
        units.add(event.unit());
    }

    @EventSourcingHandler
    void on(CrimeNotInvestigatedEvent event) {
        status = CaseStatus.NOT_INVESTIGATED;
    }

    @EventSourcingHandler
    void on(CaseFiledEvent event) {
        status = CaseStatus.FILED;
    }

    @EventSourcingHandler
    void on(CaseClosedEvent event) {
        status = CaseStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(CaseReopenedEvent event) {
        status = crimeReference == null ? CaseStatus.REPORTED : CaseStatus.UNDER_INVESTIGATION;
        suspects.values().forEach(s -> s.noFurtherAction = false);
    }

    @EventSourcingHandler
    void on(SuspectIdentifiedEvent event) {
        suspects.put(event.suspectId(), new Suspect(event.suspectId()));
        status = CaseStatus.UNDER_INVESTIGATION;
    }

    // Each suspect's own state changes in Suspect; the case keeps its status and what Witness Care can receive.

    @EventSourcingHandler
    void on(SuspectChargedEvent event) {
        status = CaseStatus.CHARGED;
    }

    @EventSourcingHandler
    void on(FileSentToCpsEvent event) {
        status = CaseStatus.WITH_CPS;
    }

    @EventSourcingHandler
    void on(ChargingDecisionMadeEvent event, @SequenceNumber long sequence) {
        courtAndCpsEvents.put(sequence, event.occurredAt());
        switch (event.decision()) {
            case CHARGE -> status = CaseStatus.CHARGED;
            case NO_FURTHER_ACTION -> {
                // ends the case against that suspect only (Suspect records it), not the case
            }
            case FURTHER_EVIDENCE_REQUIRED -> status = CaseStatus.UNDER_INVESTIGATION;
        }
    }

    @EventSourcingHandler
    void on(NoEvidenceOfferedEvent event, @SequenceNumber long sequence) {
        courtAndCpsEvents.put(sequence, event.occurredAt());
    }

    @EventSourcingHandler
    void on(ChargeSubstantiallyChangedEvent event, @SequenceNumber long sequence) {
        courtAndCpsEvents.put(sequence, event.occurredAt());
    }

    @EventSourcingHandler
    void on(AppealLodgedEvent event, @SequenceNumber long sequence) {
        courtAndCpsEvents.put(sequence, event.occurredAt());
    }

    @EventSourcingHandler
    void on(AppealDecidedEvent event, @SequenceNumber long sequence) {
        courtAndCpsEvents.put(sequence, event.occurredAt());
    }

    @EventSourcingHandler
    void on(ProsecutionDiscontinuedEvent event, @SequenceNumber long sequence) {
        courtAndCpsEvents.put(sequence, event.occurredAt());
    }

    @EventSourcingHandler
    void on(HearingListedEvent event, @SequenceNumber long sequence) {
        courtAndCpsEvents.put(sequence, event.occurredAt());
        hearings.put(event.hearingId(), new Hearing(event.suspectId()));
        status = CaseStatus.AT_COURT;
    }

    @EventSourcingHandler
    void on(HearingOutcomeRecordedEvent event, @SequenceNumber long sequence) {
        courtAndCpsEvents.put(sequence, event.occurredAt());
        if (event.outcome() == HearingOutcome.GUILTY_PLEA) {
            Suspect defendant = suspects.get(hearings.get(event.hearingId()).suspectId());
            defendant.convicted = true;
            defendant.admittedGuilt = true;
            status = CaseStatus.CONVICTED;
        }
    }

    @EventSourcingHandler
    void on(VerdictRecordedEvent event, @SequenceNumber long sequence) {
        courtAndCpsEvents.put(sequence, event.occurredAt());
        // Read from the event: Suspect applies the verdict after this handler (Axon runs the root first).
        status = event.verdict() == Verdict.GUILTY ? CaseStatus.CONVICTED : CaseStatus.ACQUITTED;
    }

    @EventSourcingHandler
    void on(SentenceRecordedEvent event, @SequenceNumber long sequence) {
        courtAndCpsEvents.put(sequence, event.occurredAt());
        status = CaseStatus.SENTENCED;
    }

    @EventSourcingHandler
    void on(VictimAddedEvent event) {
        boolean enhancedFromTheStart = event.under18AtOffence() || event.kind() == VictimKind.BEREAVED_FAMILY_MEMBER;
        victims.put(event.victimId(), new Victim(event.victimId(), enhancedFromTheStart));
    }

    @EventSourcingHandler
    void on(DelegateAddedEvent event) {
        delegates.put(event.delegateId(), event.victimId());
    }
}
