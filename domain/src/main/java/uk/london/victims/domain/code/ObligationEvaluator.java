package uk.london.victims.domain.code;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import uk.london.victims.domain.cases.Agency;
import uk.london.victims.domain.cases.EnhancedRightsReason;

/**
 * Derives a case's Victims' Code obligations from its events, as of a date. A pure function of the
 * facts recorded by that date, the rule data and the calendar: asked again later about the same date,
 * it gives the same answer, however many events were recorded since.
 */
public final class ObligationEvaluator {

    private static final String VICTIM_ADDED = "VictimAdded";
    private static final String NEEDS_ASSESSED = "NeedsAssessed";
    private static final String CONTACT_PREFERENCES = "ContactPreferencesSet";
    private static final String VICTIM_INFORMED = "VictimInformed";
    private static final String RECEIPT = "CourtInformationReceivedByWitnessCare";
    private static final String CRIME_RECORDED = "CrimeRecorded";
    private static final String CRIME_RECLASSIFIED = "CrimeReclassified";
    private static final String PERSISTENTLY_TARGETED = "VictimPersistentlyTargeted";
    private static final String DISCRETION = "EnhancedRightsGrantedByDiscretion";

    private final VictimsCode code;
    private final Supplier<WorkingDayCalendar> calendar;

    public ObligationEvaluator(VictimsCode code, WorkingDayCalendar calendar) {
        this(code, () -> calendar);
    }

    /** With a calendar that may be refreshed (new bank holidays announced) while the service runs. */
    public ObligationEvaluator(VictimsCode code, Supplier<WorkingDayCalendar> calendar) {
        this.code = code;
        this.calendar = calendar;
    }

    public VictimsCode code() {
        return code;
    }

    public WorkingDayCalendar calendar() {
        return calendar.get();
    }

    public List<Obligation> evaluate(List<CaseFact> facts, Instant asOf) {
        List<CaseFact> known = facts.stream().filter(f -> !f.recordedAt().isAfter(asOf))
                                    .sorted(Comparator.comparingLong(CaseFact::sequence)).toList();
        Map<String, VictimHistory> victims = victims(known);
        Classifications crime = Classifications.of(known);
        List<Obligation> obligations = new ArrayList<>();
        for (CaseFact trigger : known) {
            CodeEdition edition = code.editionInForce(trigger.occurredAt()).orElse(null);
            if (edition == null) {
                continue;
            }
            for (CodeRule rule : edition.rules()) {
                if (!rule.triggeredBy(trigger)) {
                    continue;
                }
                Classification atTrigger = crime.at(trigger.occurredAt());
                if (rule.perVictim()) {
                    // A victim's own request (a complaint, an update asked for, a referral) is owed to that victim only.
                    String own = trigger.text("victimId");
                    victims.forEach((victimId, history) -> {
                        if ((own == null || !victims.containsKey(own) || own.equals(victimId))
                            && applies(rule.onlyFor(), atTrigger, history.kind)) {
                            obligations.add(evaluate(rule, trigger, victimId, history, known, crime, asOf));
                        }
                    });
                } else if (applies(rule.onlyFor(), atTrigger, null)) {
                    obligations.add(evaluate(rule, trigger, null, null, known, crime, asOf));
                }
            }
        }
        return obligations;
    }

    private static boolean applies(CaseCategories onlyFor, Classification crime, String victimKind) {
        return onlyFor.isEmpty() || onlyFor.matches(crime.offence(), crime.flags(), victimKind);
    }

    private Obligation evaluate(CodeRule rule, CaseFact trigger, String victimId, VictimHistory victim, List<CaseFact> known,
                                Classifications crime, Instant asOf) {
        Optional<CaseFact> receipt = known.stream()
                .filter(f -> f.type().equals(RECEIPT) && Long.valueOf(trigger.sequence()).equals(f.number("aboutSequence")))
                .min(Comparator.comparing(CaseFact::occurredAt));
        Instant start = rule.clockStart() == ClockStart.EVENT ? trigger.occurredAt()
                : receipt.map(CaseFact::occurredAt).orElse(null);
        // Nobody can tell a victim before they are known to the case: their clock starts then at the earliest.
        if (start != null && victim != null && victim.addedAt.isAfter(start)) {
            start = victim.addedAt;
        }
        // A clock is judged by the edition in force when it started (rules may differ between editions).
        CodeRule applied = start == null ? rule : ruleInForce(rule, start);
        List<EnhancedRightsReason> enhancedBecause = victim == null || start == null ? List.of()
                : enhancedBecause(victim, crime.at(start), start);
        boolean enhanced = !enhancedBecause.isEmpty();
        String named = applied.ownerField() == null ? null : trigger.text(applied.ownerField());
        Agency owner = named == null ? applied.owner() : Agency.valueOf(named);
        Optional<CaseFact> evidence = evidence(applied, trigger, receipt, victimId, known);
        Instant deadline = start == null ? null : deadline(start, enhanced ? applied.enhanced() : applied.standard());
        WaiverReason waiver = victim == null || start == null ? null : victim.waiverAt(start, applied.waivers());

        ObligationStatus status;
        if (evidence.isPresent() && deadline != null) {
            status = evidence.get().occurredAt().isAfter(deadline) ? ObligationStatus.MET_LATE : ObligationStatus.MET_ON_TIME;
        } else if (waiver != null) {
            status = ObligationStatus.WAIVED;
        } else if (start == null) {
            status = ObligationStatus.AWAITING_CLOCK;
        } else if (victim != null && !applied.consentFor().isEmpty()
                   && applied.consentFor().matches(crime.at(start).offence(), crime.at(start).flags(), victim.kind)) {
            status = ObligationStatus.AWAITING_CONSENT;
        } else {
            status = asOf.isAfter(deadline) ? ObligationStatus.OVERDUE : ObligationStatus.OPEN;
        }
        boolean met = status == ObligationStatus.MET_ON_TIME || status == ObligationStatus.MET_LATE;
        Instant metAt = met ? evidence.get().occurredAt() : null;
        return new Obligation(applied.id(), applied.right(), applied.obligation(), owner,
                start == null ? editionId(trigger.occurredAt()) : editionId(start), applied.confidence(),
                trigger.sequence(), trigger.type(), victimId, enhanced, start, deadline, status,
                status == ObligationStatus.WAIVED ? waiver : null, met ? evidence.get().sequence() : null, metAt,
                met ? nonNegative(Duration.between(start, metAt)) : null, applied.basis(), enhancedBecause);
    }

    /**
     * The Code's categories that applied to this victim when the clock started, judged by the edition in force
     * then and by what had happened by then: a crime reclassified later does not rewrite a running clock.
     */
    private List<EnhancedRightsReason> enhancedBecause(VictimHistory victim, Classification crime, Instant start) {
        EnhancedRights rights = code.editionInForce(start).map(CodeEdition::enhancedRights).orElse(EnhancedRights.ASSESSED_ONLY);
        Set<EnhancedRightsReason> reasons = EnumSet.noneOf(EnhancedRightsReason.class);
        if (rights.mostSeriousCrime().matches(null, List.of(), victim.kind)) {
            reasons.add(EnhancedRightsReason.BEREAVED_BY_CRIME);
        }
        if (rights.mostSeriousCrime().matches(crime.offence(), crime.flags(), null)) {
            reasons.add(EnhancedRightsReason.MOST_SERIOUS_CRIME);
        }
        if (rights.intimidated().matches(crime.offence(), crime.flags(), null)) {
            reasons.add(EnhancedRightsReason.INTIMIDATED);
        }
        Set<EnhancedRightsReason> honoured = rights.honoured();
        if (victim.under18AtOffence && honoured.contains(EnhancedRightsReason.UNDER_18)) {
            reasons.add(EnhancedRightsReason.UNDER_18);
        }
        victim.recorded.stream().filter(r -> !r.at().isAfter(start) && honoured.contains(r.reason()))
                       .forEach(r -> reasons.add(r.reason()));
        return List.copyOf(reasons);
    }

    private CodeRule ruleInForce(CodeRule rule, Instant start) {
        return code.editionInForce(start)
                   .flatMap(edition -> edition.rules().stream().filter(r -> r.id().equals(rule.id())).findFirst())
                   .orElse(rule);
    }

    private String editionId(Instant at) {
        return code.editionInForce(at).map(CodeEdition::id).orElse(null);
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private Instant deadline(Instant start, TimeLimit limit) {
        return switch (limit.unit()) {
            case WORKING_DAYS -> calendar.get().endOfNthWorkingDayAfter(start, limit.amount());
            case HOURS -> start.plus(Duration.ofHours(limit.amount()));
        };
    }

    private static Optional<CaseFact> evidence(CodeRule rule, CaseFact trigger, Optional<CaseFact> receipt, String victimId,
                                               List<CaseFact> known) {
        Stream<CaseFact> after = known.stream().filter(f -> f.sequence() > trigger.sequence()
                                                            && !f.occurredAt().isBefore(trigger.occurredAt()));
        return switch (rule.evidence()) {
            case WITNESS_CARE_RECEIPT -> receipt;
            case VICTIM_INFORMED -> after.filter(f -> f.type().equals(VICTIM_INFORMED) && victimId != null
                                                     && victimId.equals(f.text("victimId"))
                                                     && (Long.valueOf(trigger.sequence()).equals(f.number("aboutSequence"))
                                                         || receipt.map(r -> Long.valueOf(r.sequence()).equals(f.number("aboutSequence")))
                                                                   .orElse(false)))
                                         .min(Comparator.comparing(CaseFact::occurredAt));
            case EVENT -> after.filter(f -> rule.evidenceEvents().stream().anyMatch(spec -> matchesSpec(f, spec))
                                           && (victimId == null || f.text("victimId") == null || victimId.equals(f.text("victimId"))))
                               .min(Comparator.comparing(CaseFact::occurredAt));
        };
    }

    /** "Type" or "Type:field=value" (value may list alternatives with |). */
    private static boolean matchesSpec(CaseFact fact, String spec) {
        String[] parts = spec.split(":", 2);
        if (!fact.type().equals(parts[0])) {
            return false;
        }
        if (parts.length == 1) {
            return true;
        }
        String[] condition = parts[1].split("=", 2);
        return fact.matches(Map.of(condition[0], condition[1]));
    }

    private static Map<String, VictimHistory> victims(List<CaseFact> known) {
        Map<String, VictimHistory> victims = new LinkedHashMap<>();
        for (CaseFact fact : known) {
            String victimId = fact.text("victimId");
            if (fact.type().equals(VICTIM_ADDED)) {
                victims.put(victimId, new VictimHistory(fact.occurredAt(), fact.text("kind"), fact.flag("under18AtOffence")));
            } else if (victimId != null && victims.containsKey(victimId)) {
                VictimHistory history = victims.get(victimId);
                switch (fact.type()) {
                    case NEEDS_ASSESSED -> fact.list("enhancedRightsReasons").forEach(reason -> history.recorded.add(
                            new Recorded(fact.occurredAt(), EnhancedRightsReason.valueOf(reason.toString()))));
                    case PERSISTENTLY_TARGETED -> history.recorded.add(
                            new Recorded(fact.occurredAt(), EnhancedRightsReason.PERSISTENTLY_TARGETED));
                    case DISCRETION -> history.recorded.add(new Recorded(fact.occurredAt(), EnhancedRightsReason.DISCRETION));
                    case CONTACT_PREFERENCES -> history.preferences.add(fact);
                    default -> {
                    }
                }
            }
        }
        return victims;
    }

    /** An enhanced-rights reason assessed or recorded for a victim, from when it applies. */
    private record Recorded(Instant at, EnhancedRightsReason reason) {
    }

    /** How the crime was classified from a moment on: its offence and priority flags. */
    private record Classification(Instant from, String offence, List<String> flags) {
        static final Classification UNKNOWN = new Classification(Instant.MIN, null, List.of());
    }

    /** The crime's classifications in time order, so a clock sees the one in force when it started. */
    private record Classifications(List<Classification> history) {

        static Classifications of(List<CaseFact> known) {
            List<Classification> history = known.stream()
                    .filter(f -> f.type().equals(CRIME_RECORDED) || f.type().equals(CRIME_RECLASSIFIED))
                    .map(f -> new Classification(f.occurredAt(), f.text("offence"),
                            f.list("priorityFlags").stream().map(Object::toString).toList()))
                    .toList();
            return new Classifications(history);
        }

        /** The latest classification made at or before {@code at} (in the order recorded, for equal times). */
        Classification at(Instant at) {
            Classification current = Classification.UNKNOWN;
            for (Classification c : history) {
                if (!c.from().isAfter(at) && !c.from().isBefore(current.from())) {
                    current = c;
                }
            }
            return current;
        }
    }

    /** What the case knew about one victim: when they became known, how, enhanced-rights reasons, contact wishes. */
    private static final class VictimHistory {
        final Instant addedAt;
        final String kind;
        final boolean under18AtOffence;
        final List<Recorded> recorded = new ArrayList<>();
        final List<CaseFact> preferences = new ArrayList<>();

        VictimHistory(Instant addedAt, String kind, boolean under18AtOffence) {
            this.addedAt = addedAt;
            this.kind = kind;
            this.under18AtOffence = under18AtOffence;
        }

        /** The waiver in force at {@code at}, from the latest contact preferences set by then. */
        WaiverReason waiverAt(Instant at, List<WaiverReason> allowed) {
            Optional<CaseFact> current = preferences.stream().filter(p -> !p.occurredAt().isAfter(at))
                                                    .max(Comparator.comparing(CaseFact::occurredAt));
            if (current.isEmpty()) {
                return null;
            }
            CaseFact preference = current.get();
            if (preference.flag("declinedUpdates") && allowed.contains(WaiverReason.DECLINED)) {
                return WaiverReason.DECLINED;
            }
            boolean noSafeChannel = preference.list("channels").isEmpty() && !preference.list("unsafeChannels").isEmpty();
            return noSafeChannel && allowed.contains(WaiverReason.NOT_SAFE_TO_CONTACT) ? WaiverReason.NOT_SAFE_TO_CONTACT : null;
        }
    }
}
