package uk.london.victims.projections.review;

import java.util.EnumSet;
import java.util.Set;

import uk.london.victims.domain.code.RuleBasis;

/**
 * Which obligations a review counts, by what set their limits. The default counts the Code's rights (and the
 * national schemes it gives effect to) only, so a force's own service standard never enters a figure about
 * the Code; {@link #ALL} shows both, with missed local standards in their own column, never as breaches.
 */
public enum ReviewBasis {
    CODE_RIGHTS(EnumSet.of(RuleBasis.CODE, RuleBasis.SCHEME)),
    LOCAL_STANDARDS(EnumSet.of(RuleBasis.LOCAL_STANDARD)),
    ALL(EnumSet.allOf(RuleBasis.class));

    private final Set<RuleBasis> bases;

    ReviewBasis(Set<RuleBasis> bases) {
        this.bases = bases;
    }

    public boolean counts(RuleBasis basis) {
        return bases.contains(basis);
    }
}
