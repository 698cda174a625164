package uk.london.victims.domain.code;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import uk.london.victims.domain.cases.EnhancedRightsReason;

/**
 * Who has enhanced rights under one edition, as data: the Code's categories, not only a recorded needs
 * assessment.
 *
 * @param mostSeriousCrime offences, crime flags and victim kinds (bereaved close relatives) that make a victim
 *                         a victim of the most serious crime
 * @param intimidated      offences and flags whose victims count as intimidated without an assessment (sexual
 *                         offences, trafficking)
 * @param recordedReasons  the assessed or recorded reasons this edition honours (the 2020 Code added
 *                         {@link EnhancedRightsReason#DISCRETION})
 * @param source           where the categories come from
 */
public record EnhancedRights(CaseCategories mostSeriousCrime, CaseCategories intimidated, List<EnhancedRightsReason> recordedReasons,
                             Confidence confidence, String source) {

    /** What an edition without the data honours: only what was assessed or recorded about the victim. */
    public static final EnhancedRights ASSESSED_ONLY = new EnhancedRights(
            new CaseCategories(List.of(), List.of(), List.of("BEREAVED_FAMILY_MEMBER")), CaseCategories.NONE,
            List.copyOf(EnumSet.complementOf(EnumSet.of(EnhancedRightsReason.DISCRETION))), Confidence.LOW, null);

    public EnhancedRights {
        mostSeriousCrime = mostSeriousCrime == null ? CaseCategories.NONE : mostSeriousCrime;
        intimidated = intimidated == null ? CaseCategories.NONE : intimidated;
        recordedReasons = recordedReasons == null ? List.of() : List.copyOf(recordedReasons);
        confidence = confidence == null ? Confidence.LOW : confidence;
    }

    public Set<EnhancedRightsReason> honoured() {
        return recordedReasons.isEmpty() ? EnumSet.noneOf(EnhancedRightsReason.class) : EnumSet.copyOf(recordedReasons);
    }
}
