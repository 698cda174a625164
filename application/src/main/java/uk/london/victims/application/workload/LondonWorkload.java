package uk.london.victims.application.workload;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;

import uk.london.victims.application.workload.Journey.Context;
import uk.london.victims.application.workload.Journey.Outcome;
import uk.london.victims.application.workload.Journey.Step;
import uk.london.victims.domain.cases.*;
import uk.london.victims.domain.cases.court.*;
import uk.london.victims.domain.cases.investigation.*;
import uk.london.victims.domain.cases.prosecution.*;
import uk.london.victims.domain.cases.restorative.*;
import uk.london.victims.domain.cases.victims.*;
import uk.london.victims.domain.geography.BasicCommandUnit;
import uk.london.victims.domain.geography.Borough;
import uk.london.victims.domain.people.PersonId;

/**
 * A deterministic stream of synthetic London journeys: the same seed and settings give the same
 * journeys, command for command. Proportions are rough public figures (MPS recorded crime by offence
 * group, ONS 2021 borough populations, Home Office outcome shares, the Police and Crime Plan's 170 /
 * 500-day court figures); they are meant to make the load and the read models look like London's, not
 * to be statistics. Everything personal is obviously synthetic ("Synthetic Victim 000123",
 * example.invalid, Ofcom's drama phone numbers).
 */
public final class LondonWorkload implements Iterator<Journey> {

    /** Share of journeys whose victim was already a victim in an earlier journey (repeat victimisation). */
    public static final double REPEAT_VICTIM_SHARE = 0.12;
    /** Median days from report to the end of the court stage. */
    public static final int MAGISTRATES_MEDIAN_DAYS = 170;
    public static final int CROWN_MEDIAN_DAYS = 500;

    /** ONS Census 2021 usual residents, thousands. */
    static final Map<Borough, Double> POPULATION = new EnumMap<>(Map.ofEntries(
            Map.entry(Borough.BARKING_AND_DAGENHAM, 219.0), Map.entry(Borough.BARNET, 389.0),
            Map.entry(Borough.BEXLEY, 246.0), Map.entry(Borough.BRENT, 339.0), Map.entry(Borough.BROMLEY, 330.0),
            Map.entry(Borough.CAMDEN, 210.0), Map.entry(Borough.CROYDON, 391.0), Map.entry(Borough.EALING, 367.0),
            Map.entry(Borough.ENFIELD, 330.0), Map.entry(Borough.GREENWICH, 289.0), Map.entry(Borough.HACKNEY, 259.0),
            Map.entry(Borough.HAMMERSMITH_AND_FULHAM, 183.0), Map.entry(Borough.HARINGEY, 264.0),
            Map.entry(Borough.HARROW, 261.0), Map.entry(Borough.HAVERING, 262.0), Map.entry(Borough.HILLINGDON, 306.0),
            Map.entry(Borough.HOUNSLOW, 288.0), Map.entry(Borough.ISLINGTON, 217.0),
            Map.entry(Borough.KENSINGTON_AND_CHELSEA, 143.0), Map.entry(Borough.KINGSTON_UPON_THAMES, 168.0),
            Map.entry(Borough.LAMBETH, 317.0), Map.entry(Borough.LEWISHAM, 300.0), Map.entry(Borough.MERTON, 215.0),
            Map.entry(Borough.NEWHAM, 351.0), Map.entry(Borough.REDBRIDGE, 310.0),
            Map.entry(Borough.RICHMOND_UPON_THAMES, 195.0), Map.entry(Borough.SOUTHWARK, 307.0),
            Map.entry(Borough.SUTTON, 209.0), Map.entry(Borough.TOWER_HAMLETS, 310.0),
            Map.entry(Borough.WALTHAM_FOREST, 278.0), Map.entry(Borough.WANDSWORTH, 328.0),
            Map.entry(Borough.WESTMINSTER, 205.0)));

    /** Share of recorded crime per 1,000, after the MPS's offence-group breakdown. */
    static final Map<OffenceCategory, Double> OFFENCE_SHARE = new EnumMap<>(Map.ofEntries(
            Map.entry(OffenceCategory.THEFT, 300.0), Map.entry(OffenceCategory.VIOLENCE_WITHOUT_INJURY, 130.0),
            Map.entry(OffenceCategory.VEHICLE_OFFENCE, 95.0), Map.entry(OffenceCategory.VIOLENCE_WITH_INJURY, 75.0),
            Map.entry(OffenceCategory.STALKING_AND_HARASSMENT, 75.0),
            Map.entry(OffenceCategory.CRIMINAL_DAMAGE_AND_ARSON, 60.0),
            Map.entry(OffenceCategory.BURGLARY_RESIDENTIAL, 50.0), Map.entry(OffenceCategory.PUBLIC_ORDER, 50.0),
            Map.entry(OffenceCategory.ROBBERY, 40.0), Map.entry(OffenceCategory.DRUG_OFFENCE, 35.0),
            Map.entry(OffenceCategory.SEXUAL_OFFENCE, 25.0), Map.entry(OffenceCategory.FRAUD, 25.0),
            Map.entry(OffenceCategory.BURGLARY_BUSINESS, 17.0), Map.entry(OffenceCategory.OTHER, 12.0),
            Map.entry(OffenceCategory.POSSESSION_OF_WEAPONS, 8.0), Map.entry(OffenceCategory.MODERN_SLAVERY, 1.5),
            Map.entry(OffenceCategory.KIDNAP_OR_FALSE_IMPRISONMENT, 1.0), Map.entry(OffenceCategory.HOMICIDE, 0.15)));

    /** Reports by hour of day (London time is close enough to UTC for a load model): quiet nights, busy evenings. */
    private static final double[] REPORTS_BY_HOUR = {3, 2, 2, 1, 1, 1, 2, 3, 4, 5, 5, 6, 6, 6, 6, 7, 7, 7, 7, 7, 6, 5, 4, 3};
    private static final List<String> MAGISTRATES = List.of("Westminster Magistrates' Court", "Highbury Corner Magistrates' Court",
            "Stratford Magistrates' Court", "Thames Magistrates' Court", "Croydon Magistrates' Court",
            "Bromley Magistrates' Court", "Uxbridge Magistrates' Court", "Willesden Magistrates' Court",
            "Wimbledon Magistrates' Court", "Camberwell Green Magistrates' Court", "Barkingside Magistrates' Court");
    private static final List<String> CROWN = List.of("Snaresbrook Crown Court", "Southwark Crown Court", "Wood Green Crown Court",
            "Inner London Crown Court", "Woolwich Crown Court", "Croydon Crown Court", "Isleworth Crown Court",
            "Harrow Crown Court", "Kingston Crown Court", "Central Criminal Court");
    private static final String DETAILS = "{\"name\":\"%s\",\"dateOfBirth\":\"%s\",\"email\":\"synthetic.victim.%06d@example.invalid\","
                                          + "\"phone\":\"07700 900%03d\"}";
    /** Earlier victims kept for repeats; bounded so a long soak run does not grow without limit. */
    private static final int REPEAT_POOL = 50_000;

    private final SplittableRandom random;
    private final Settings settings;
    private final List<PersonId> earlierVictims = new ArrayList<>();
    private final Weighted<Borough> boroughs;
    private final Weighted<OffenceCategory> offences = new Weighted<>(OFFENCE_SHARE);
    private long journeys;
    private long people;

    /**
     * @param seed          the whole stream follows from it
     * @param reportsFrom   the start of the year over which reports are spread
     * @param asOf          nothing after this instant is planned (it is "now" for the journeys)
     * @param caseIdPrefix  keeps cases (and their crime references, which must be unique) of different runs in one store
     *                      apart; same prefix and seed, same ids
     * @param onlyIn        one BCU whose boroughs report every crime (in their population shares), as a single
     *                      force unit's history would; null for all of London
     */
    public record Settings(long seed, Instant reportsFrom, Instant asOf, String caseIdPrefix, BasicCommandUnit onlyIn) {
        public Settings {
            if (!asOf.isAfter(reportsFrom.plus(Duration.ofDays(365)))) {
                throw new IllegalArgumentException("asOf must be after the year of reports that starts at " + reportsFrom);
            }
        }

        public Settings(long seed, Instant reportsFrom, Instant asOf, String caseIdPrefix) {
            this(seed, reportsFrom, asOf, caseIdPrefix, null);
        }
    }

    public LondonWorkload(Settings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        Map<Borough, Double> population = new EnumMap<>(POPULATION);
        if (settings.onlyIn() != null) {
            population.keySet().removeIf(borough -> borough.bcu() != settings.onlyIn());
        }
        this.boroughs = new Weighted<>(population);
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Journey next() {
        long n = journeys++;
        CaseId caseId = new CaseId(String.format("%s-%08d", settings.caseIdPrefix(), n));
        Borough borough = boroughs.pick(random);
        OffenceCategory offence = offences.pick(random);
        Outcome outcome = outcome(offence);

        boolean repeat = !earlierVictims.isEmpty() && random.nextDouble() < REPEAT_VICTIM_SHARE;
        PersonId victim = repeat ? earlierVictims.get(random.nextInt(earlierVictims.size())) : newPerson();
        if (!repeat) {
            if (earlierVictims.size() < REPEAT_POOL) {
                earlierVictims.add(victim);
            } else {
                earlierVictims.set(random.nextInt(REPEAT_POOL), victim);
            }
        }
        boolean under18 = offence != OffenceCategory.BURGLARY_BUSINESS && random.nextDouble() < 0.08;
        Set<PriorityFlag> flags = priorityFlags(offence);
        Set<EnhancedRightsReason> enhanced = enhancedReasons(offence, flags, under18, repeat);

        Instant reportedAt = reportTime();
        Plan plan = new Plan(caseId, offence, reportedAt);
        ReportChannel channel = channel(offence);
        plan.after(Duration.ZERO, t -> new ReportCrimeCommand(caseId, channel, t));
        Set<HateStrand> strands = flags.contains(PriorityFlag.HATE_CRIME) ? Set.of(hateStrand()) : Set.of();
        plan.after(hours(1, 48), t -> new RecordCrimeCommand(caseId, String.format("%s/%08d", settings.caseIdPrefix(), n), offence, borough, flags,
                strands, t));
        VictimKind kind = offence == OffenceCategory.HOMICIDE ? VictimKind.BEREAVED_FAMILY_MEMBER
                : offence == OffenceCategory.BURGLARY_BUSINESS ? VictimKind.BUSINESS_CONTACT
                : under18 ? VictimKind.PARENT_OR_GUARDIAN_OF_CHILD_VICTIM : VictimKind.DIRECT_VICTIM;
        String details = details(victim);
        plan.add(plan.cursor.plus(hours(0, 3)), (context, t) -> new AddVictimCommand(caseId, victim, kind,
                context.seal(victim, details), under18, t));
        // The written acknowledgement with the crime reference (R3), most of the time.
        plan.inform(1, victim, "Crime reference and what happens next", "SYN-PC-" + officer());
        if (outcome != Outcome.NOT_INVESTIGATED || !enhanced.isEmpty()) {
            String language = random.nextDouble() < 0.05 ? pick(List.of("Polish", "Romanian", "Bengali", "Somali", "Arabic")) : null;
            plan.after(hours(0, 72), t -> new RecordNeedsAssessmentCommand(caseId, victim, enhanced, language != null, language, t));
        }
        if (random.nextDouble() < 0.7) {
            Set<ContactChannel> channels = Set.of(pick(List.of(ContactChannel.EMAIL, ContactChannel.SMS, ContactChannel.PHONE,
                    ContactChannel.LETTER, ContactChannel.PORTAL)));
            Integer interval = enhanced.isEmpty() ? 28 : 14;
            plan.after(hours(0, 24), t -> new SetContactPreferencesCommand(caseId, victim, channels, Set.of(), false, interval, t));
        }

        if (random.nextDouble() < 0.6) {
            AgeBand age = under18 ? AgeBand.UNDER_18 : pick(List.of(AgeBand.AGE_18_24, AgeBand.AGE_25_34, AgeBand.AGE_35_44,
                    AgeBand.AGE_45_54, AgeBand.AGE_55_64, AgeBand.AGE_65_PLUS, AgeBand.PREFER_NOT_TO_SAY));
            Sex sex = pick(List.of(Sex.FEMALE, Sex.MALE, Sex.PREFER_NOT_TO_SAY));
            EthnicGroup ethnicGroup = pick(List.of(EthnicGroup.values()));
            DisabilityStatus disability = random.nextDouble() < 0.15 ? DisabilityStatus.DISABLED : DisabilityStatus.NOT_DISABLED;
            plan.after(hours(0, 48), t -> new RecordEqualityDataCommand(caseId, victim, age, sex, ethnicGroup, disability, t));
        }
        if (random.nextDouble() < (outcome == Outcome.NOT_INVESTIGATED ? 0.3 : 0.8)) {
            boolean consent = random.nextDouble() < 0.7;
            plan.after(hours(2, 48), t -> new RecordSupportReferralCommand(caseId, victim, consent,
                    consent ? "London Victim and Witness Service" : null, t));
        }
        plan.updateEvery = enhanced.isEmpty() ? 21 : 10;

        int courtDays = 0;
        switch (outcome) {
            case NOT_INVESTIGATED -> {
                int decided = plan.after(hours(2, 120), t -> new DecideNotToInvestigateCommand(caseId,
                        "No viable lines of enquiry after assessment", t));
                plan.inform(decided, victim, "Not investigated, and why", "SYN-PC-" + officer());
            }
            case FILED_NO_SUSPECT -> {
                String officer = "SYN-PC-" + officer();
                plan.after(hours(1, 48), t -> new AssignOfficerCommand(caseId, officer, unit(borough), t));
                plan.updates(victim, 30 + random.nextInt(150));
                int filed = plan.after(Duration.ZERO, t -> new FileCaseCommand(caseId, "No suspect identified; enquiries complete", t));
                plan.inform(filed, victim, "Case filed pending new evidence", "SYN-PC-" + officer());
            }
            case NO_FURTHER_ACTION, OUT_OF_COURT_DISPOSAL -> {
                SuspectId s = new SuspectId("S1");
                String officer = "SYN-DC-" + officer();
                plan.after(hours(1, 48), t -> new AssignOfficerCommand(caseId, officer, unit(borough), t));
                plan.after(days(0, 10), t -> new IdentifySuspectCommand(caseId, s, t));
                plan.after(days(0, 14), t -> new ArrestSuspectCommand(caseId, s, t));
                boolean admitted = outcome == Outcome.OUT_OF_COURT_DISPOSAL;
                plan.after(hours(2, 24), t -> new InterviewSuspectCommand(caseId, s, admitted, t));
                if (random.nextDouble() < 0.5) {
                    List<String> conditions = List.of("Not to contact the victim", "Not to enter " + borough.name().replace('_', ' '));
                    int bailed = plan.after(hours(0, 2), t -> new ReleaseSuspectOnBailCommand(caseId, s, conditions, t));
                    plan.inform(bailed, victim, "Suspect bailed, and the conditions", "SYN-DC-" + officer());
                    plan.updates(victim, 20 + random.nextInt(60));
                    if (random.nextDouble() < 0.3) {
                        int changed = plan.after(Duration.ZERO, t -> new ChangeBailConditionsCommand(caseId, s,
                                List.of("Not to contact the victim"), t));
                        plan.inform(changed, victim, "Bail conditions changed", "SYN-DC-" + officer());
                    }
                }
                int released = plan.after(hours(0, 2), t -> new ReleaseSuspectUnderInvestigationCommand(caseId, s, t));
                plan.inform(released, victim, "Suspect released under investigation", "SYN-DC-" + officer());
                if (admitted) {
                    OutOfCourtDisposal disposal = pick(List.of(OutOfCourtDisposal.CONDITIONAL_CAUTION,
                            OutOfCourtDisposal.SIMPLE_CAUTION, OutOfCourtDisposal.COMMUNITY_RESOLUTION));
                    plan.updates(victim, 7 + random.nextInt(30));
                    int given = plan.after(Duration.ZERO, t -> new GiveOutOfCourtDisposalCommand(caseId, s, disposal, true, t));
                    plan.inform(given, victim, "Out-of-court disposal", "SYN-DC-" + officer());
                } else {
                    plan.updates(victim, 30 + random.nextInt(150));
                    int nfa = plan.after(Duration.ZERO, t -> new TakeNoFurtherActionCommand(caseId, s,
                            "Evidential difficulties: the case cannot proceed", t));
                    plan.inform(nfa, victim, "No further action, and the right to review", "SYN-DC-" + officer());
                    if (nfa >= 0 && random.nextDouble() < 0.15) {
                        // The victim asks for the decision to be reviewed (the police Right to Review).
                        plan.after(days(1, 20), t -> new RequestDecisionReviewCommand(caseId, victim, s,
                                ReviewableDecision.POLICE_NO_FURTHER_ACTION, t));
                        ReviewOutcome review = random.nextDouble() < 0.85 ? ReviewOutcome.DECISION_UPHELD : ReviewOutcome.DECISION_OVERTURNED;
                        int decided = plan.after(days(5, 30), t -> new RecordReviewDecisionCommand(caseId, victim, s, review,
                                "Reviewed by an officer not involved in the decision", t));
                        plan.inform(decided, victim, "The outcome of the review", "SYN-DI-" + officer());
                    }
                }
            }
            case CHARGED_MAGISTRATES, CHARGED_CROWN -> courtDays = court(plan, caseId, borough, victim, outcome);
        }
        return new Journey(caseId, borough, offence, outcome, victim, repeat, !enhanced.isEmpty(), reportedAt, courtDays,
                List.copyOf(plan.steps));
    }

    /** A charged case: charge, listing, a plea or a trial, and (when convicted) a sentence. */
    private int court(Plan plan, CaseId caseId, Borough borough, PersonId victim, Outcome outcome) {
        boolean crown = outcome == Outcome.CHARGED_CROWN;
        int total = (int) Math.round((crown ? CROWN_MEDIAN_DAYS : MAGISTRATES_MEDIAN_DAYS)
                                     * Math.exp(random.nextGaussian() * (crown ? 0.35 : 0.45)));
        total = Math.max(total, 30);
        SuspectId s = new SuspectId("S1");
        String officer = "SYN-DC-" + officer();
        plan.after(hours(1, 24), t -> new AssignOfficerCommand(caseId, officer, unit(borough), t));
        plan.after(days(0, 5), t -> new IdentifySuspectCommand(caseId, s, t));
        plan.after(days(0, 5), t -> new ArrestSuspectCommand(caseId, s, t));
        plan.after(hours(2, 24), t -> new InterviewSuspectCommand(caseId, s, false, t));
        plan.after(hours(1, 6), t -> new SendFileToCpsCommand(caseId, s, t));
        List<String> charges = List.of(chargeFor(plan.offence));
        int charged = plan.after(days(1, 20), t -> new RecordChargingDecisionCommand(caseId, s, ChargingDecision.CHARGE,
                charges, null, t));
        plan.inform(charged, victim, "Suspect charged", "SYN-CPS-" + officer());
        plan.after(hours(1, 72), t -> new RecordVictimPersonalStatementCommand(caseId, victim, VictimPersonalStatementStep.OFFERED,
                null, t));
        boolean statement = random.nextDouble() < 0.6;
        if (statement) {
            boolean readIt = random.nextDouble() < 0.4;
            plan.after(days(1, 14), t -> new RecordVictimPersonalStatementCommand(caseId, victim, VictimPersonalStatementStep.MADE,
                    readIt, t));
        }
        Instant end = plan.reportedAt.plus(Duration.ofDays(total));
        String magistrates = pick(MAGISTRATES);
        HearingId first = new HearingId("H1");
        Instant firstAt = plan.cursor.plus(days(7, 28));
        int listed = plan.after(hours(1, 24), t -> new ListHearingCommand(caseId, first, s, magistrates, firstAt,
                HearingType.FIRST_APPEARANCE, t));
        plan.witnessCare(listed, victim, "First hearing date, time and place");
        // Hearings adjourned and listed again, as most cases see at least once (each told to the victim).
        int adjournments = random.nextInt(crown ? 4 : 3);
        Instant hearingAt = firstAt;
        HearingId current = first;
        for (int a = 0; a < adjournments; a++) {
            HearingId adjourned = current;
            plan.until(hearingAt, t -> new RecordHearingOutcomeCommand(caseId, adjourned, HearingOutcome.ADJOURNED, List.of(), t));
            HearingId next = new HearingId("H1-" + (a + 1));
            Instant nextAt = hearingAt.plus(days(14, 42));
            int relisted = plan.after(hours(1, 24), t -> new ListHearingCommand(caseId, next, s, magistrates, nextAt,
                    HearingType.OTHER, t));
            plan.witnessCare(relisted, victim, "Hearing adjourned: the new date");
            hearingAt = nextAt;
            current = next;
        }
        HearingId firstHeard = current;
        Instant firstHeardAt = hearingAt;
        boolean guiltyPlea = random.nextDouble() < (crown ? 0.45 : 0.65);
        if (crown) {
            plan.until(firstHeardAt, t -> new RecordHearingOutcomeCommand(caseId, firstHeard, HearingOutcome.SENT_TO_CROWN_COURT,
                    List.of(), t));
            HearingId trial = new HearingId("H2");
            String crownCourt = pick(CROWN);
            Instant trialAt = end.minus(Duration.ofDays(guiltyPlea ? 30 : 40));
            int trialListed = plan.after(days(1, 14), t -> new ListHearingCommand(caseId, trial, s, crownCourt, trialAt,
                    guiltyPlea ? HearingType.PLEA_AND_TRIAL_PREPARATION : HearingType.TRIAL, t));
            plan.witnessCare(trialListed, victim, "Crown Court hearing date and place");
            plan.updates(victim, Math.max(1, (int) Duration.between(plan.cursor, trialAt).toDays()));
            plan.until(trialAt, t -> new RecordHearingOutcomeCommand(caseId, trial,
                    guiltyPlea ? HearingOutcome.GUILTY_PLEA : HearingOutcome.TRIAL_EFFECTIVE, List.of(), t));
        } else {
            if (guiltyPlea) {
                plan.until(firstHeardAt, t -> new RecordHearingOutcomeCommand(caseId, firstHeard, HearingOutcome.GUILTY_PLEA, List.of(), t));
            } else {
                plan.until(firstHeardAt, t -> new RecordHearingOutcomeCommand(caseId, firstHeard, HearingOutcome.NOT_GUILTY_PLEA,
                        List.of(), t));
                HearingId trial = new HearingId("H2");
                Instant trialAt = end.minus(Duration.ofDays(21));
                int trialListed = plan.after(hours(1, 48), t -> new ListHearingCommand(caseId, trial, s, magistrates, trialAt,
                        HearingType.TRIAL, t));
                plan.witnessCare(trialListed, victim, "Trial date, time and place");
                plan.updates(victim, Math.max(1, (int) Duration.between(plan.cursor, trialAt).toDays()));
                plan.until(trialAt, t -> new RecordHearingOutcomeCommand(caseId, trial, HearingOutcome.TRIAL_EFFECTIVE, List.of(), t));
            }
        }
        boolean convicted = guiltyPlea || random.nextDouble() < 0.7;
        if (!guiltyPlea) {
            int verdict = plan.after(hours(1, 8), t -> new RecordVerdictCommand(caseId, s,
                    convicted ? Verdict.GUILTY : Verdict.NOT_GUILTY, t));
            plan.witnessCare(verdict, victim, "The verdict");
        }
        if (convicted) {
            SentenceType sentence = pick(crown
                    ? List.of(SentenceType.IMMEDIATE_CUSTODY, SentenceType.IMMEDIATE_CUSTODY, SentenceType.SUSPENDED_SENTENCE)
                    : List.of(SentenceType.FINE, SentenceType.COMMUNITY_ORDER, SentenceType.COMMUNITY_ORDER,
                            SentenceType.SUSPENDED_SENTENCE, SentenceType.DISCHARGE));
            Integer months = sentence == SentenceType.IMMEDIATE_CUSTODY || sentence == SentenceType.SUSPENDED_SENTENCE
                    ? 3 + random.nextInt(crown ? 60 : 12) : null;
            int sentenced = plan.until(end, t -> new RecordSentenceCommand(caseId, s, sentence, months, List.of(), t));
            plan.witnessCare(sentenced, victim, "The sentence, explained");
            if (sentence == SentenceType.IMMEDIATE_CUSTODY && months != null && months >= 12) {
                // The Victim Contact Scheme (R11): eligible, referred to probation, and the Victim Liaison Officer's contact.
                plan.after(hours(1, 48), t -> new RecordVictimContactSchemeCommand(caseId, victim, s, VictimContactSchemeStep.ELIGIBLE, t));
                plan.after(days(1, 9), t -> new RecordVictimContactSchemeCommand(caseId, victim, s, VictimContactSchemeStep.REFERRED, t));
                plan.after(days(1, 19), t -> new RecordVictimContactSchemeCommand(caseId, victim, s,
                        VictimContactSchemeStep.FIRST_CONTACT, t));
                VictimContactSchemeStep choice = random.nextDouble() < 0.7 ? VictimContactSchemeStep.OPTED_IN
                        : VictimContactSchemeStep.OPTED_OUT;
                plan.after(days(1, 14), t -> new RecordVictimContactSchemeCommand(caseId, victim, s, choice, t));
            }
            // Restorative justice needs an offender who admitted guilt: offered after a guilty plea only.
            if (guiltyPlea && random.nextDouble() < 0.3) {
                plan.after(days(1, 30), t -> new RecordRestorativeJusticeStepCommand(caseId, s, RestorativeJusticeStep.OFFERED,
                        "Offered after sentence", t));
                if (random.nextDouble() < 0.3) {
                    plan.after(days(1, 30), t -> new RecordRestorativeJusticeStepCommand(caseId, s,
                            RestorativeJusticeStep.REFERRED_TO_PROVIDER, "Victim asked to take part", t));
                }
            }
        }
        return total;
    }

    private Outcome outcome(OffenceCategory offence) {
        // not investigated, filed without suspect, no further action, out-of-court, charged; then share of charges at Crown Court
        double[] shares;
        double crownShare;
        switch (offence) {
            case THEFT, VEHICLE_OFFENCE, BURGLARY_RESIDENTIAL, BURGLARY_BUSINESS, CRIMINAL_DAMAGE_AND_ARSON, FRAUD -> {
                shares = new double[] {0.40, 0.46, 0.08, 0.02, 0.04};
                crownShare = 0.08;
            }
            case SEXUAL_OFFENCE -> {
                shares = new double[] {0.0, 0.25, 0.66, 0.02, 0.07};
                crownShare = 0.8;
            }
            case DRUG_OFFENCE, POSSESSION_OF_WEAPONS -> {
                shares = new double[] {0.0, 0.05, 0.25, 0.35, 0.35};
                crownShare = 0.25;
            }
            case HOMICIDE -> {
                shares = new double[] {0.0, 0.05, 0.10, 0.0, 0.85};
                crownShare = 1.0;
            }
            case MODERN_SLAVERY, KIDNAP_OR_FALSE_IMPRISONMENT -> {
                shares = new double[] {0.0, 0.30, 0.45, 0.0, 0.25};
                crownShare = 0.9;
            }
            case ROBBERY -> {
                shares = new double[] {0.10, 0.55, 0.25, 0.02, 0.08};
                crownShare = 0.5;
            }
            default -> {
                shares = new double[] {0.08, 0.32, 0.46, 0.05, 0.09};
                crownShare = offence == OffenceCategory.VIOLENCE_WITH_INJURY ? 0.25 : 0.05;
            }
        }
        double r = random.nextDouble();
        Outcome[] outcomes = {Outcome.NOT_INVESTIGATED, Outcome.FILED_NO_SUSPECT, Outcome.NO_FURTHER_ACTION,
                Outcome.OUT_OF_COURT_DISPOSAL};
        for (int i = 0; i < outcomes.length; i++) {
            if (r < shares[i]) {
                return outcomes[i];
            }
            r -= shares[i];
        }
        return random.nextDouble() < crownShare ? Outcome.CHARGED_CROWN : Outcome.CHARGED_MAGISTRATES;
    }

    private Set<PriorityFlag> priorityFlags(OffenceCategory offence) {
        Set<PriorityFlag> flags = EnumSet.noneOf(PriorityFlag.class);
        switch (offence) {
            case VIOLENCE_WITH_INJURY, VIOLENCE_WITHOUT_INJURY, STALKING_AND_HARASSMENT -> {
                if (random.nextDouble() < (offence == OffenceCategory.STALKING_AND_HARASSMENT ? 0.4 : 0.3)) {
                    flags.add(PriorityFlag.DOMESTIC_ABUSE);
                    flags.add(PriorityFlag.VIOLENCE_AGAINST_WOMEN_AND_GIRLS);
                }
                if (random.nextDouble() < 0.04) {
                    flags.add(PriorityFlag.HATE_CRIME);
                }
            }
            case PUBLIC_ORDER -> {
                if (random.nextDouble() < 0.15) {
                    flags.add(PriorityFlag.HATE_CRIME);
                }
            }
            case SEXUAL_OFFENCE -> {
                flags.add(PriorityFlag.SEXUAL_VIOLENCE);
                flags.add(PriorityFlag.VIOLENCE_AGAINST_WOMEN_AND_GIRLS);
            }
            case ROBBERY, POSSESSION_OF_WEAPONS -> {
                if (offence == OffenceCategory.POSSESSION_OF_WEAPONS || random.nextDouble() < 0.25) {
                    flags.add(PriorityFlag.WEAPON_BASED);
                }
            }
            case MODERN_SLAVERY -> flags.add(PriorityFlag.MODERN_SLAVERY);
            default -> {
            }
        }
        return flags;
    }

    /** Enhanced rights: the Code's gateway (most serious crime, persistently targeted, vulnerable or intimidated, under 18). */
    private Set<EnhancedRightsReason> enhancedReasons(OffenceCategory offence, Set<PriorityFlag> flags, boolean under18,
                                                      boolean repeat) {
        Set<EnhancedRightsReason> reasons = EnumSet.noneOf(EnhancedRightsReason.class);
        if (offence == OffenceCategory.HOMICIDE) {
            reasons.add(EnhancedRightsReason.BEREAVED_BY_CRIME);
        }
        if (offence == OffenceCategory.SEXUAL_OFFENCE || offence == OffenceCategory.MODERN_SLAVERY
            || offence == OffenceCategory.KIDNAP_OR_FALSE_IMPRISONMENT || offence == OffenceCategory.HOMICIDE
            || flags.contains(PriorityFlag.DOMESTIC_ABUSE) || flags.contains(PriorityFlag.HATE_CRIME)) {
            reasons.add(EnhancedRightsReason.MOST_SERIOUS_CRIME);
        }
        if (under18) {
            reasons.add(EnhancedRightsReason.UNDER_18);
        }
        if (repeat && random.nextDouble() < 0.3) {
            reasons.add(EnhancedRightsReason.PERSISTENTLY_TARGETED);
        }
        if (random.nextDouble() < 0.05) {
            reasons.add(random.nextBoolean() ? EnhancedRightsReason.VULNERABLE : EnhancedRightsReason.INTIMIDATED);
        }
        return reasons;
    }

    private ReportChannel channel(OffenceCategory offence) {
        return switch (offence) {
            case THEFT, VEHICLE_OFFENCE, FRAUD, CRIMINAL_DAMAGE_AND_ARSON -> random.nextDouble() < 0.6 ? ReportChannel.ONLINE
                    : ReportChannel.PHONE_101;
            case DRUG_OFFENCE, POSSESSION_OF_WEAPONS -> ReportChannel.FRONT_COUNTER;
            default -> random.nextDouble() < 0.6 ? ReportChannel.PHONE_999
                    : random.nextDouble() < 0.8 ? ReportChannel.PHONE_101 : ReportChannel.THIRD_PARTY;
        };
    }

    private Instant reportTime() {
        int day = random.nextInt(365);
        int hour = pickIndex(REPORTS_BY_HOUR);
        return settings.reportsFrom().plus(Duration.ofDays(day)).plus(Duration.ofHours(hour))
                .plus(Duration.ofMinutes(random.nextInt(60)));
    }

    private PersonId newPerson() {
        return new PersonId(String.format("synthetic-person-%08d", ++people));
    }

    private String details(PersonId person) {
        long number = Long.parseLong(person.value().substring("synthetic-person-".length()));
        return String.format(DETAILS, String.format("Synthetic Victim %06d", number),
                1940 + (int) (number % 65) + "-0" + (1 + number % 9) + "-1" + (number % 9), number, number % 1000);
    }

    private static String chargeFor(OffenceCategory offence) {
        return switch (offence) {
            case HOMICIDE -> "Murder";
            case SEXUAL_OFFENCE -> "Sexual assault";
            case ROBBERY -> "Robbery";
            case VIOLENCE_WITH_INJURY -> "Assault occasioning actual bodily harm";
            case VIOLENCE_WITHOUT_INJURY -> "Common assault";
            case BURGLARY_RESIDENTIAL, BURGLARY_BUSINESS -> "Burglary";
            case POSSESSION_OF_WEAPONS -> "Possession of a bladed article";
            case DRUG_OFFENCE -> "Possession with intent to supply";
            default -> "Offence contrary to " + offence.name().toLowerCase().replace('_', ' ');
        };
    }

    private HateStrand hateStrand() {
        return pick(List.of(HateStrand.RACE, HateStrand.RACE, HateStrand.RACE, HateStrand.RELIGION_OR_BELIEF,
                HateStrand.SEXUAL_ORIENTATION, HateStrand.DISABILITY, HateStrand.TRANSGENDER_IDENTITY));
    }

    private String unit(Borough borough) {
        return "MPS-" + borough.bcu().name().replace('_', '-');
    }

    private String officer() {
        return String.format("%05d", random.nextInt(20_000));
    }

    private Duration hours(int from, int to) {
        return Duration.ofMinutes(60L * from + random.nextInt(Math.max(1, 60 * (to - from))));
    }

    private Duration days(int from, int to) {
        return hours(24 * from, 24 * to);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private int pickIndex(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Builds one journey's steps, moving a cursor forward in time and dropping everything after "as of". */
    private final class Plan {
        final CaseId caseId;
        final OffenceCategory offence;
        final Instant reportedAt;
        final List<Step> steps = new ArrayList<>();
        Instant cursor;
        boolean truncated;
        /** Days between progress updates: the victim's agreed interval (enhanced rights: more often). */
        int updateEvery = 28;

        Plan(CaseId caseId, OffenceCategory offence, Instant reportedAt) {
            this.caseId = caseId;
            this.offence = offence;
            this.reportedAt = reportedAt;
            this.cursor = reportedAt;
        }

        /** Adds a step {@code after} the previous one; its index, or -1 when it falls after "as of". */
        int after(Duration after, Function<Instant, CaseCommand> command) {
            return until(cursor.plus(after), command);
        }

        /** Adds a step at {@code at}, or just after the previous step if that is later. */
        int until(Instant at, Function<Instant, CaseCommand> command) {
            return add(at, (context, when) -> command.apply(when));
        }

        int add(Instant at, BiFunction<Context, Instant, CaseCommand> command) {
            Instant when = steps.isEmpty() || at.isAfter(cursor) ? at : cursor.plus(Duration.ofMinutes(1));
            if (truncated || when.isAfter(settings.asOf())) {
                truncated = true;
                return -1;
            }
            cursor = when;
            steps.add(new Step(when, context -> command.apply(context, when)));
            return steps.size() - 1;
        }

        /** The victim told about step {@code about} within a few days (most of the time: compliance is not perfect). */
        void inform(int about, PersonId victim, String what, String by) {
            if (about < 0 || random.nextDouble() < 0.1) {
                return;
            }
            ContactChannel channel = pick(List.of(ContactChannel.EMAIL, ContactChannel.SMS, ContactChannel.PHONE, ContactChannel.LETTER));
            Duration delay = hours(0, random.nextDouble() < 0.8 ? 24 : 240);
            add(cursor.plus(delay), (context, when) -> new RecordVictimInformedCommand(caseId, victim,
                    context.versionAfter(about), what, channel, by, when));
        }

        /** Witness Care receives a court or CPS event (step {@code about}) and tells the victim. */
        void witnessCare(int about, PersonId victim, String what) {
            if (about < 0) {
                return;
            }
            int received = add(cursor.plus(hours(0, 24)), (context, when) -> new RecordWitnessCareReceiptCommand(caseId,
                    context.versionAfter(about), what, when));
            inform(received, victim, what, "SYN-WCU-" + officer());
        }

        /** Progress updates every {@code updateEvery} days while an investigation or prosecution runs, over {@code days}. */
        void updates(PersonId victim, int days) {
            Instant until = cursor.plus(Duration.ofDays(days));
            while (!truncated) {
                Instant next = cursor.plus(Duration.ofDays(updateEvery)).plus(hours(0, 72));
                if (next.isAfter(until)) {
                    break;
                }
                ContactChannel channel = pick(List.of(ContactChannel.EMAIL, ContactChannel.SMS, ContactChannel.PHONE));
                String by = "SYN-OIC-" + officer();
                until(next, t -> new RecordVictimInformedCommand(caseId, victim, null, "Progress update", channel, by, t));
            }
            if (until.isAfter(settings.asOf())) {
                truncated = true;
            } else if (until.isAfter(cursor)) {
                cursor = until;
            }
        }
    }

    /** Picks keys in proportion to their weights. */
    private static final class Weighted<T extends Enum<T>> {
        private final List<T> keys = new ArrayList<>();
        private final double[] cumulative;

        Weighted(Map<T, Double> weights) {
            cumulative = new double[weights.size()];
            double total = 0;
            int i = 0;
            for (Map.Entry<T, Double> e : weights.entrySet()) {
                total += e.getValue();
                keys.add(e.getKey());
                cumulative[i++] = total;
            }
        }

        T pick(SplittableRandom random) {
            double r = random.nextDouble() * cumulative[cumulative.length - 1];
            for (int i = 0; i < cumulative.length; i++) {
                if (r < cumulative[i]) {
                    return keys.get(i);
                }
            }
            return keys.get(keys.size() - 1);
        }
    }
}
