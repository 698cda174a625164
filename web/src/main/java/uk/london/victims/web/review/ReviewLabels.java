package uk.london.victims.web.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import uk.london.victims.domain.geography.Borough;
import uk.london.victims.projections.review.ReviewDimension;

/** Plain English for the codes the review groups by, and victims' pseudonyms. */
public final class ReviewLabels {

    /** The Code's rights in a few words (docs: shared design victims-code.md); the code itself stays visible. */
    private static final Map<String, String> RIGHTS = Map.ofEntries(
            Map.entry("R1", "Right 1: communication needs"),
            Map.entry("R2", "Right 2: crime recorded"),
            Map.entry("R3", "Right 3: written acknowledgement"),
            Map.entry("R4", "Right 4: needs assessment and referral"),
            Map.entry("R5", "Right 5: compensation information"),
            Map.entry("R6", "Right 6: told of decisions"),
            Map.entry("R7", "Right 7: personal statement"),
            Map.entry("R8", "Right 8: hearings and trial"),
            Map.entry("R9", "Right 9: outcome and sentence"),
            Map.entry("R10", "Right 10: expenses and property"),
            Map.entry("R11", "Right 11: Victim Contact Scheme"),
            Map.entry("R12", "Right 12: complaints"));

    /** Agencies as people call them: "CPS", not "Cps". */
    private static final Map<String, String> AGENCIES = Map.of(
            "POLICE", "Police",
            "CPS", "CPS",
            "WITNESS_CARE", "Witness Care Unit",
            "COURT", "Courts (HMCTS)",
            "PROBATION", "Probation Service",
            "RESTORATIVE_JUSTICE_PROVIDER", "Restorative justice provider",
            "VICTIM_SUPPORT", "Victim support service");

    public static final Map<ReviewDimension, String> DIMENSIONS = new java.util.LinkedHashMap<>();

    static {
        DIMENSIONS.put(ReviewDimension.RIGHT, "Right");
        DIMENSIONS.put(ReviewDimension.RULE, "Rule (one obligation of a right)");
        DIMENSIONS.put(ReviewDimension.AGENCY, "Agency that owed it");
        DIMENSIONS.put(ReviewDimension.BOROUGH, "Borough");
        DIMENSIONS.put(ReviewDimension.BCU, "Basic Command Unit");
        DIMENSIONS.put(ReviewDimension.OFFENCE, "Crime category");
        DIMENSIONS.put(ReviewDimension.PRIORITY_FLAG, "Priority flag");
        DIMENSIONS.put(ReviewDimension.RIGHTS_LEVEL, "Enhanced or standard rights");
        DIMENSIONS.put(ReviewDimension.AGE_BAND, "Victim’s age band");
        DIMENSIONS.put(ReviewDimension.SEX, "Victim’s sex");
        DIMENSIONS.put(ReviewDimension.ETHNIC_GROUP, "Victim’s ethnic group");
        DIMENSIONS.put(ReviewDimension.DISABILITY, "Victim’s disability");
        DIMENSIONS.put(ReviewDimension.EDITION, "Edition of the Code");
        DIMENSIONS.put(ReviewDimension.MONTH, "Month the clock started");
        DIMENSIONS.put(ReviewDimension.BASIS, "What set the time limit");
    }

    /** An enum constant's name; references such as CRIS-DEMO-0004 have other characters and stay as they are. */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    private ReviewLabels() {
    }

    public static String group(ReviewDimension by, String group) {
        if (by == ReviewDimension.RIGHT && RIGHTS.containsKey(group)) {
            return RIGHTS.get(group);
        }
        if (by == ReviewDimension.BOROUGH) {
            try {
                return Borough.valueOf(group).displayName();
            } catch (IllegalArgumentException notABorough) {
                return group;
            }
        }
        if (by == ReviewDimension.AGENCY) {
            return agency(group);
        }
        if (by == ReviewDimension.MONTH) {
            return month(group);
        }
        return by == ReviewDimension.RULE ? group : words(group);
    }

    /** Rights in the Code's order (R2 before R10), anything else alphabetically. */
    public static java.util.Comparator<String> order(ReviewDimension by) {
        if (by != ReviewDimension.RIGHT) {
            return java.util.Comparator.naturalOrder();
        }
        return java.util.Comparator.comparing((String group) -> group.matches("R\\d+") ? Integer.parseInt(group.substring(1)) : Integer.MAX_VALUE)
                                   .thenComparing(java.util.Comparator.naturalOrder());
    }

    public static String agency(String code) {
        return AGENCIES.getOrDefault(code, words(code));
    }

    /** A borough's name from its code; anything else (such as "unknown") as it is. */
    public static String borough(String code) {
        return code == null ? "–" : group(ReviewDimension.BOROUGH, code);
    }

    public static String month(String yearMonth) {
        java.time.YearMonth month = java.time.YearMonth.parse(yearMonth);
        return month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.UK) + " " + month.getYear();
    }

    /** {@code NOT_SAFE_TO_CONTACT} as "Not safe to contact"; text that is not a code stays as it is. */
    public static String words(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return code;
        }
        String lower = code.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /**
     * A short stable name for a victim: the same in the obligations list and the case history, and not
     * their id, which the agency API takes. A hash of an opaque random id reveals nothing about the person.
     */
    public static String pseudonym(String victimId) {
        if (victimId == null) {
            return "Agency to agency";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(victimId.getBytes(StandardCharsets.UTF_8));
            return "Victim " + HexFormat.of().withUpperCase().formatHex(hash, 0, 3);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
