package uk.london.victims.projections.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import uk.london.victims.projections.review.CaseAttributes;
import uk.london.victims.projections.review.ReviewDimension;

/**
 * Which group a cell counts: all obligations (no dimension), one value of one dimension, or one value of
 * each of two dimensions (a two-way breakdown).
 */
record CellKey(ReviewDimension by, String value, ReviewDimension thenBy, String thenValue) {

    static final CellKey ALL = new CellKey(null, null, null, null);

    /** Every cell an obligation with these group values counts in: the total, each dimension, each pair. */
    static List<CellKey> of(Map<ReviewDimension, List<String>> groups, List<ReviewDimension> dimensions,
                            List<List<ReviewDimension>> pairs) {
        List<CellKey> keys = new ArrayList<>();
        keys.add(ALL);
        for (ReviewDimension d : dimensions) {
            for (String v : values(groups, d)) {
                keys.add(new CellKey(d, v, null, null));
            }
        }
        for (List<ReviewDimension> pair : pairs) {
            for (String v1 : values(groups, pair.get(0))) {
                for (String v2 : values(groups, pair.get(1))) {
                    keys.add(new CellKey(pair.get(0), v1, pair.get(1), v2));
                }
            }
        }
        return keys;
    }

    /**
     * Where the stored cell lives in its document's {@code cells}: the total at {@code ALL}, the others under
     * their dimension (or pair of dimensions), so a review reads only the part it needs. Readable, with what
     * MongoDB reserves in field names escaped.
     */
    String fieldPath() {
        if (by == null) {
            return ALL_CELLS;
        }
        return group(by, thenBy) + "." + (thenBy == null ? escape(value) : escape(value) + "|" + escape(thenValue));
    }

    static final String ALL_CELLS = "ALL";

    /** The part of {@code cells} holding one dimension's (or one pair's) cells. */
    static String group(ReviewDimension by, ReviewDimension thenBy) {
        return thenBy == null ? by.name() : by.name() + "+" + thenBy.name();
    }

    /**
     * The cell stored under {@code cells.<group>.<name>}; empty for a dimension this version no longer has (a
     * replay drops it). The inverse of {@link #fieldPath()}: {@code |} inside a value is escaped.
     */
    static Optional<CellKey> fromPath(String group, String name) {
        Map<String, Optional<CellKey>> parsed = PARSED.get(group);
        if (parsed == null) {
            if (PARSED.size() >= REMEMBERED) {
                return parse(group, name);
            }
            parsed = PARSED.computeIfAbsent(group, g -> new ConcurrentHashMap<>());
        }
        Optional<CellKey> key = parsed.get(name);
        if (key == null) {
            key = parse(group, name);
            if (parsed.size() < REMEMBERED) {
                parsed.put(name, key);
            }
        }
        return key;
    }

    /**
     * {@link #fieldPath()} as its group and its name within the group (empty for the total); the array is shared, not
     * to be changed.
     */
    String[] place() {
        String[] place = PLACES.get(this);
        if (place == null) {
            String[] path = fieldPath().split("\\.", 2);
            place = new String[] {path[0], path.length == 1 ? "" : path[1]};
            if (PLACES.size() < REMEMBERED) {
                PLACES.put(this, place);
            }
        }
        return place;
    }

    // A figure document names every cell each time it is written and parses every name each time it is read, and the
    // same keys (a BCU's boroughs, offences, rights and their pairs: some thousands) come back in every document: a
    // replay allocated gigabytes splitting and parsing them (BENCHMARKS.md, eighteenth session). Remembered up to a
    // bound (groups, and names in each), in case some dimension's values are not few.
    private static final int REMEMBERED = 20_000;
    private static final Map<String, Map<String, Optional<CellKey>>> PARSED = new ConcurrentHashMap<>();
    private static final Map<CellKey, String[]> PLACES = new ConcurrentHashMap<>();

    private static Optional<CellKey> parse(String group, String name) {
        String[] dimensions = group.split("\\+");
        String[] values = name.split("\\|", -1);
        if (dimensions.length != values.length || dimensions.length > 2) {
            return Optional.empty();
        }
        try {
            ReviewDimension by = ReviewDimension.valueOf(dimensions[0]);
            if (dimensions.length == 1) {
                return Optional.of(new CellKey(by, unescape(values[0]), null, null));
            }
            return Optional.of(new CellKey(by, unescape(values[0]), ReviewDimension.valueOf(dimensions[1]), unescape(values[1])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // Every cell of a figure document is named and parsed each time a batch rewrites it: most values have nothing to
    // escape, and five scans of each name were 7% of a catch-up's samples (BENCHMARKS.md).
    private static String unescape(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        return value.replace("%3D", "=").replace("%7C", "|").replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }

    private static String escape(String value) {
        if (!needsEscape(value)) {
            return value;
        }
        return value.replace("%", "%25").replace(".", "%2E").replace("$", "%24").replace("|", "%7C").replace("=", "%3D");
    }

    /** What {@link #escape} replaces. */
    private static final String RESERVED = "%.$|=";

    private static boolean needsEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (RESERVED.indexOf(value.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    // Written out rather than left to the record's generated methods: a figure document's cells are looked up by key
    // for every change applied to it, and the generated ones, called through method handles, were most of the 6% of
    // a replay's samples spent hashing and comparing keys.
    @Override
    public int hashCode() {
        int hash = by == null ? 0 : by.hashCode();
        hash = 31 * hash + (value == null ? 0 : value.hashCode());
        hash = 31 * hash + (thenBy == null ? 0 : thenBy.hashCode());
        return 31 * hash + (thenValue == null ? 0 : thenValue.hashCode());
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof CellKey key && by == key.by && thenBy == key.thenBy
                                && Objects.equals(value, key.value) && Objects.equals(thenValue, key.thenValue);
    }

    static List<String> values(Map<ReviewDimension, List<String>> groups, ReviewDimension d) {
        return groups.getOrDefault(d, List.of(CaseAttributes.UNKNOWN));
    }
}
