package uk.london.victims.projections.review;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import uk.london.victims.domain.code.CaseFact;
import uk.london.victims.domain.code.Obligation;
import uk.london.victims.domain.geography.Borough;

/**
 * What a case's events said about the case and its victims (borough, offence, priority flags, equality
 * data): the one definition of the review's group-by values, used by the obligation ledger and by the
 * reference computation its tests compare against.
 */
public record CaseAttributes(String borough, String bcu, String offence, List<String> flags,
                             Map<String, Map<String, String>> equality) {

    public static final String UNKNOWN = "not recorded";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** From the facts given (the caller chooses which: e.g. those recorded by an as-of date). */
    public static CaseAttributes of(List<CaseFact> facts) {
        String borough = null;
        String offence = null;
        List<String> flags = List.of();
        Map<String, Map<String, String>> equality = new TreeMap<>();
        for (CaseFact fact : facts.stream().sorted(Comparator.comparingLong(CaseFact::sequence)).toList()) {
            switch (fact.type()) {
                case "CrimeRecorded" -> {
                    borough = fact.text("borough");
                    offence = fact.text("offence");
                    flags = fact.list("priorityFlags").stream().map(Object::toString).toList();
                }
                case "CrimeReclassified" -> {
                    offence = fact.text("offence");
                    flags = fact.list("priorityFlags").stream().map(Object::toString).toList();
                }
                case "EqualityDataRecorded" -> equality.put(fact.text("victimId"), Map.of(
                        "ageBand", orUnknown(fact.text("ageBand")), "sex", orUnknown(fact.text("sex")),
                        "ethnicGroup", orUnknown(fact.text("ethnicGroup")), "disability", orUnknown(fact.text("disability"))));
                default -> {
                }
            }
        }
        String bcu = borough == null ? null : Borough.valueOf(borough).bcu().displayName();
        return new CaseAttributes(borough, bcu, offence, flags, equality);
    }

    /** The obligation's value(s) for every dimension; MONTH only once its clock has started. */
    public Map<ReviewDimension, List<String>> groups(Obligation o) {
        Map<String, String> victim = o.victimId() == null ? Map.of() : equality.getOrDefault(o.victimId(), Map.of());
        Function<String, List<String>> one = value -> List.of(orUnknown(value));
        Map<ReviewDimension, List<String>> groups = new EnumMap<>(ReviewDimension.class);
        groups.put(ReviewDimension.RIGHT, one.apply(o.right()));
        groups.put(ReviewDimension.RULE, one.apply(o.ruleId()));
        groups.put(ReviewDimension.AGENCY, one.apply(o.owner().name()));
        groups.put(ReviewDimension.BOROUGH, one.apply(borough));
        groups.put(ReviewDimension.BCU, one.apply(bcu));
        groups.put(ReviewDimension.OFFENCE, one.apply(offence));
        groups.put(ReviewDimension.PRIORITY_FLAG, flags.isEmpty() ? List.of("none") : flags);
        groups.put(ReviewDimension.RIGHTS_LEVEL, List.of(o.victimId() == null ? "agency to agency"
                : o.enhanced() ? "enhanced" : "standard"));
        groups.put(ReviewDimension.AGE_BAND, one.apply(victim.get("ageBand")));
        groups.put(ReviewDimension.SEX, one.apply(victim.get("sex")));
        groups.put(ReviewDimension.ETHNIC_GROUP, one.apply(victim.get("ethnicGroup")));
        groups.put(ReviewDimension.DISABILITY, one.apply(victim.get("disability")));
        groups.put(ReviewDimension.EDITION, one.apply(o.edition()));
        groups.put(ReviewDimension.BASIS, List.of(o.basis() == null ? "CODE" : o.basis().name()));
        if (o.clockStart() != null) {
            // Clocks start at London times: a report at 00:30 BST on 1 April belongs to April, not March.
            groups.put(ReviewDimension.MONTH, List.of(YearMonth.from(o.clockStart().atZone(LONDON)).toString()));
        }
        return groups;
    }

    public static String orUnknown(String value) {
        return value == null ? UNKNOWN : value;
    }
}
