package uk.london.victims.projections.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.london.victims.projections.review.ReviewDimension;

/**
 * Which two-way breakdowns the stored figures keep ({@code vjt.ledger.figure-pairs}, e.g.
 * {@code AGENCY:RIGHT,RIGHT:BOROUGH}); any other pair is counted from the ledger's records when asked.
 * Every single dimension is always kept.
 */
@Component
public class LedgerSettings {

    private final List<List<ReviewDimension>> pairs;

    public LedgerSettings(@Value("${vjt.ledger.figure-pairs:AGENCY:RIGHT,RIGHT:BOROUGH,AGENCY:BOROUGH,AGENCY:BCU,RIGHT:BCU,RIGHT:RIGHTS_LEVEL}")
                          String pairs) {
        this.pairs = parse(pairs);
    }

    public List<List<ReviewDimension>> pairs() {
        return pairs;
    }

    public List<ReviewDimension> dimensions() {
        return List.of(ReviewDimension.values());
    }

    boolean stored(ReviewDimension by, ReviewDimension thenBy) {
        return thenBy == null || pairs.contains(List.of(by, thenBy)) || pairs.contains(List.of(thenBy, by));
    }

    static List<List<ReviewDimension>> parse(String pairs) {
        List<List<ReviewDimension>> parsed = new ArrayList<>();
        for (String pair : pairs.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            List<ReviewDimension> two = Arrays.stream(pair.trim().split(":")).map(String::trim).map(ReviewDimension::valueOf).toList();
            if (two.size() != 2 || two.get(0) == two.get(1)) {
                throw new IllegalArgumentException("vjt.ledger.figure-pairs: '" + pair + "' is not two different dimensions");
            }
            parsed.add(two);
        }
        return List.copyOf(parsed);
    }
}
