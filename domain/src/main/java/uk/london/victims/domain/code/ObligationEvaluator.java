package uk.london.victims.domain.code;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import uk.london.victims.domain.cases.Agency;

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
        List<Obligation> obligations = new ArrayList<>();
        for (CaseFact trigger : known) {
            CodeEdition edition = code.editionInForce(trigger.occurredAt()).orElse(null);
            if (edition == null) {
                continue;
            }
            for (CodeRule rule : edition.rules()) {
                if (!rule.triggers().contains(trigger.type()) || !trigger.matches(rule.when())) {
                    continue;
                }
                if (rule.perVictim()) {
                    victims.forEach((victimId, history) -> obligations.add(evaluate(rule, trigger, victimId, history, known, asOf)));
                } else {
                    obligations.add(evaluate(rule, trigger, null, null, known, asOf));
                }
            }
        }
        return obligations;
    }

    private Obligation evaluate(CodeRule rule, CaseFact trigger, String victimId, VictimHistory victim, List<CaseFact> known,
                                Instant asOf) {
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
        boolean enhanced = victim != null && start != null && victim.enhancedAt(start);
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
        } else {
            status = asOf.isAfter(deadline) ? ObligationStatus.OVERDUE : ObligationStatus.OPEN;
        }
        boolean met = status == ObligationStatus.MET_ON_TIME || status == ObligationStatus.MET_LATE;
        Instant metAt = met ? evidence.get().occurredAt() : null;
        return new Obligation(applied.id(), applied.right(), applied.obligation(), owner,
                start == null ? editionId(trigger.occurredAt()) : editionId(start), applied.confidence(),
                trigger.sequence(), trigger.type(), victimId, enhanced, start, deadline, status,
                status == ObligationStatus.WAIVED ? waiver : null, met ? evidence.get().sequence() : null, metAt,
                met ? nonNegative(Duration.between(start, metAt)) : null);
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
                VictimHistory history = new VictimHistory(fact.occurredAt());
                if (fact.flag("under18AtOffence") || "BEREAVED_FAMILY_MEMBER".equals(fact.text("kind"))) {
                    history.enhancedSince = fact.occurredAt();
                }
                victims.put(victimId, history);
            } else if (victimId != null && victims.containsKey(victimId)) {
                VictimHistory history = victims.get(victimId);
                if (fact.type().equals(NEEDS_ASSESSED) && !fact.list("enhancedRightsReasons").isEmpty()
                    && (history.enhancedSince == null || fact.occurredAt().isBefore(history.enhancedSince))) {
                    history.enhancedSince = fact.occurredAt();
                } else if (fact.type().equals(CONTACT_PREFERENCES)) {
                    history.preferences.add(fact);
                }
            }
        }
        return victims;
    }

    /** What the case knew about one victim: when they became known, enhanced rights, contact wishes. */
    private static final class VictimHistory {
        final Instant addedAt;
        Instant enhancedSince;
        final List<CaseFact> preferences = new ArrayList<>();

        VictimHistory(Instant addedAt) {
            this.addedAt = addedAt;
        }

        boolean enhancedAt(Instant at) {
            return enhancedSince != null && !enhancedSince.isAfter(at);
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
