package uk.london.victims.domain.code;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import uk.london.victims.domain.cases.Agency;

/**
 * One timed obligation of the Victims' Code, as data.
 *
 * @param id             stable across editions, so an obligation can be judged by whichever edition was in
 *                       force when its clock started, e.g. "R6-police-decision"
 * @param right          the Code right, e.g. "R6"
 * @param obligation     what is owed, in a sentence
 * @param owner          the agency that owes it
 * @param triggers       the event types (simple names without "Event") that open it
 * @param when           conditions on the trigger's fields (field name to required value), e.g. decision=CHARGE
 * @param clockStart     what starts the clock
 * @param standard       the limit for a victim with standard rights
 * @param enhanced       the limit for a victim with enhanced rights
 * @param evidence       what meets it
 * @param evidenceEvents for {@link EvidenceKind#EVENT}: the event types that count, with optional field conditions
 *                       written type:field=value (e.g. "VictimPersonalStatementRecorded:step=OFFERED")
 * @param perVictim      true when each victim in the case is owed it; false for an agency-to-agency clock
 * @param waivers        the reasons that waive it
 * @param confidence     how sure the data is (LOW: a configurable default, to be confirmed)
 * @param source         where the rule comes from
 * @param ownerField     when set, the owner is the agency named in this field of the trigger (a complaint
 *                       is owed by the agency complained about); {@code owner} is the fallback
 * @param basis          whether the Code, a national scheme or a local service standard sets the limit
 * @param whenAny        alternative sets of trigger conditions, any one of which must hold as well as {@code when}
 *                       (a sentence of 12 months or more, or a hospital order)
 * @param onlyFor        when set, the rule applies only where the crime (as classified when the clock started) or
 *                       the victim's kind is one of these (the Victim Contact Scheme's violent or sexual offences)
 * @param consentFor     where the crime or the victim's kind is one of these, the victim's explicit consent comes
 *                       first: with no evidence the obligation awaits consent instead of running late
 */
public record CodeRule(String id, String right, String obligation, Agency owner, List<String> triggers,
                       Map<String, String> when, ClockStart clockStart, TimeLimit standard, TimeLimit enhanced,
                       EvidenceKind evidence, List<String> evidenceEvents, boolean perVictim, List<WaiverReason> waivers,
                       Confidence confidence, String source, String ownerField, RuleBasis basis,
                       List<Map<String, String>> whenAny, CaseCategories onlyFor, CaseCategories consentFor) {

    public CodeRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner of " + id);
        Objects.requireNonNull(clockStart, "clockStart of " + id);
        Objects.requireNonNull(standard, "standard limit of " + id);
        Objects.requireNonNull(evidence, "evidence of " + id);
        Objects.requireNonNull(confidence, "confidence of " + id);
        if (triggers == null || triggers.isEmpty()) {
            throw new IllegalArgumentException("Rule " + id + " has no trigger");
        }
        triggers = List.copyOf(triggers);
        when = when == null ? Map.of() : Map.copyOf(when);
        enhanced = enhanced == null ? standard : enhanced;
        evidenceEvents = evidenceEvents == null ? List.of() : List.copyOf(evidenceEvents);
        waivers = waivers == null ? List.of() : List.copyOf(waivers);
        if (evidence == EvidenceKind.EVENT && evidenceEvents.isEmpty()) {
            throw new IllegalArgumentException("Rule " + id + " is met by an event but names none");
        }
        // Every rule must say what sets its limit: a rule without a basis could be counted as a Code breach.
        Objects.requireNonNull(basis, "basis of " + id + " (CODE, SCHEME or LOCAL_STANDARD)");
        Objects.requireNonNull(source, "source of " + id);
        whenAny = whenAny == null ? List.of() : whenAny.stream().map(Map::copyOf).toList();
        onlyFor = onlyFor == null ? CaseCategories.NONE : onlyFor;
        consentFor = consentFor == null ? CaseCategories.NONE : consentFor;
    }

    /** A rule the Code itself sets, with no extra conditions. */
    public CodeRule(String id, String right, String obligation, Agency owner, List<String> triggers,
                    Map<String, String> when, ClockStart clockStart, TimeLimit standard, TimeLimit enhanced,
                    EvidenceKind evidence, List<String> evidenceEvents, boolean perVictim, List<WaiverReason> waivers,
                    Confidence confidence, String source, String ownerField) {
        this(id, right, obligation, owner, triggers, when, clockStart, standard, enhanced, evidence, evidenceEvents, perVictim,
                waivers, confidence, source, ownerField, RuleBasis.CODE, null, null, null);
    }

    /** The same rule with other limits: a force's own local service standard. */
    public CodeRule withLimits(TimeLimit newStandard, TimeLimit newEnhanced, String note) {
        return new CodeRule(id, right, obligation, owner, triggers, when, clockStart, newStandard,
                newEnhanced == null ? newStandard : newEnhanced, evidence, evidenceEvents, perVictim, waivers, confidence,
                source + "; " + note, ownerField, basis, whenAny, onlyFor, consentFor);
    }

    /** Whether the trigger's fields meet {@code when} and one of {@code whenAny}. */
    public boolean triggeredBy(CaseFact fact) {
        return triggers.contains(fact.type()) && fact.matches(when)
               && (whenAny.isEmpty() || whenAny.stream().anyMatch(fact::matches));
    }
}
