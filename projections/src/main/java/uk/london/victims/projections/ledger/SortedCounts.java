package uk.london.victims.projections.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts by a sorted key (a long, then an int: minutes to meet with 0, or a deadline's epoch second and nano), held
 * as parallel arrays; a key whose count comes back to zero is gone. A review sums a year of days' cells: as
 * {@code TreeMap}s that was a boxed, rebalancing insert per entry per day, 85% of the review's time at 18,000 cases.
 * Here a stored cell decodes by appending (its keys are stored in order), two sum by one merge of their arrays,
 * and many sum pairwise ({@link #sum}), so a year costs a few passes over its entries.
 */
final class SortedCounts {

    /** Another this many times smaller is added key by key rather than merged. */
    private static final int SMALL_DELTA = 16;
    /** Fewer parts than this are merged: the array would cost more than the merge. */
    private static final int DENSE_FROM_PARTS = 4;
    /** Keys counted at once when summing by key: 128 kB of counts, reused, and far below a heap region. */
    private static final int WINDOW = 1 << 14;
    /** Sweeping looks at every part once per window: at most this many looks per entry, else merging is cheaper. */
    private static final long SWEEP_PER_ENTRY = 16;
    private static final long[] NO_LONGS = {};
    private static final int[] NO_INTS = {};

    private long[] majors;
    private int[] minors;
    private long[] counts;
    private int size;

    /**
     * Empty, with no room yet: many cells have no open deadlines or no minutes to meet, and a decoder reserves what it
     * reads.
     */
    SortedCounts() {
        majors = NO_LONGS;
        minors = NO_INTS;
        counts = NO_LONGS;
    }

    private SortedCounts(int capacity) {
        majors = new long[capacity];
        minors = new int[capacity];
        counts = new long[capacity];
    }

    /** Room for this many more keys, as a decoder knows before it appends them. */
    void reserve(int more) {
        if (size + more > majors.length) {
            majors = Arrays.copyOf(majors, size + more);
            minors = Arrays.copyOf(minors, size + more);
            counts = Arrays.copyOf(counts, size + more);
        }
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long major(int i) {
        return majors[i];
    }

    int minor(int i) {
        return minors[i];
    }

    long count(int i) {
        return counts[i];
    }

    /** Adds to a key's count; a key after all those held (as read from sorted bytes) is appended without a search. */
    void add(long major, int minor, long delta) {
        if (delta == 0) {
            return;
        }
        if (size == 0 || compare(major, minor, size - 1) > 0) {
            insertAt(size, major, minor, delta);
            return;
        }
        int i = indexOf(major, minor);
        if (i < 0) {
            insertAt(-i - 1, major, minor, delta);
        } else if (counts[i] + delta == 0) {
            System.arraycopy(majors, i + 1, majors, i, size - i - 1);
            System.arraycopy(minors, i + 1, minors, i, size - i - 1);
            System.arraycopy(counts, i + 1, counts, i, size - i - 1);
            size--;
        } else {
            counts[i] += delta;
        }
    }

    /** Adds (sign 1) or takes out (sign -1) every count of another. */
    void addAll(SortedCounts other, int sign) {
        if (other.size == 0) {
            return;
        }
        // A case's change (a few keys) into a day's cell (thousands): a search and a short move each, where a merge
        // would copy the whole cell for every case of the batch.
        if (other.size * SMALL_DELTA < size) {
            for (int i = 0; i < other.size; i++) {
                add(other.majors[i], other.minors[i], sign * other.counts[i]);
            }
            return;
        }
        SortedCounts merged = merge(this, other, sign);
        majors = merged.majors;
        minors = merged.minors;
        counts = merged.counts;
        size = merged.size;
    }

    /**
     * The sum of many: by key, a window of keys at a time, when the keys are whole numbers (a year of days' minutes
     * to meet), else merged two by two, so each entry is copied about log2(n) times rather than n.
     */
    static SortedCounts sum(List<SortedCounts> parts) {
        SortedCounts dense = denseSum(parts);
        if (dense != null) {
            return dense;
        }
        List<SortedCounts> level = new ArrayList<>(parts);
        if (level.isEmpty()) {
            return new SortedCounts();
        }
        while (level.size() > 1) {
            List<SortedCounts> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                next.add(i + 1 < level.size() ? merge(level.get(i), level.get(i + 1), 1) : level.get(i));
            }
            level = next;
        }
        SortedCounts only = level.get(0);
        return parts.size() == 1 ? merge(only, new SortedCounts(), 1) : only; // never the caller's own instance
    }

    /**
     * The sum counted by key in a window of {@link #WINDOW} keys swept up the key range, or null where that does not
     * fit: a minor key in use, few parts, or keys so sparse that sweeping costs more than merging. Each entry is read
     * once, where merging two by two copied it about nine times over a year and took three quarters of a review's
     * time at a million events (ADR 0045).
     *
     * <p>Each window starts at the lowest key not yet counted, so a gap costs nothing, and a long tail of late
     * meetings (months after most) is swept like the rest. One array spanning every key did not count such a tail
     * (the whole sum went to merging), and where it did it took megabytes per review, allocated outside the young
     * generation (ADR 0047).
     */
    private static SortedCounts denseSum(List<SortedCounts> parts) {
        if (parts.size() < DENSE_FROM_PARTS) {
            return null;
        }
        long entries = 0;
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        for (SortedCounts part : parts) {
            for (int i = 0; i < part.size; i++) {
                if (part.minors[i] != 0) {
                    return null;
                }
            }
            if (part.size > 0) {
                entries += part.size;
                lowest = Math.min(lowest, part.majors[0]);
                highest = Math.max(highest, part.majors[part.size - 1]);
            }
        }
        if (entries == 0) {
            return null;
        }
        long spread = highest - lowest;
        if (spread < 0) {
            return null; // keys further apart than a long counts
        }
        // A window holds at least one entry and costs a look at every part: sparse keys are merged instead.
        long windows = Math.min(entries, spread / WINDOW + 1);
        if (windows * parts.size() > SWEEP_PER_ENTRY * entries) {
            return null;
        }
        long[] window = new long[WINDOW];
        int[] next = new int[parts.size()];
        SortedCounts sum = new SortedCounts((int) Math.min(entries, 1 << 16));
        for (long counted = 0; counted < entries; ) {
            long from = Long.MAX_VALUE;
            for (int p = 0; p < parts.size(); p++) {
                SortedCounts part = parts.get(p);
                if (next[p] < part.size) {
                    from = Math.min(from, part.majors[next[p]]);
                }
            }
            int used = 0;
            for (int p = 0; p < parts.size(); p++) {
                SortedCounts part = parts.get(p);
                int i = next[p];
                // Keys are at most spread apart, so the difference cannot overflow.
                for (; i < part.size && part.majors[i] - from < WINDOW; i++) {
                    int k = (int) (part.majors[i] - from);
                    window[k] += part.counts[i];
                    used = Math.max(used, k + 1);
                }
                counted += i - next[p];
                next[p] = i;
            }
            for (int k = 0; k < used; k++) {
                if (window[k] != 0) {
                    sum.insertAt(sum.size, from + k, 0, window[k]);
                    window[k] = 0;
                }
            }
        }
        return sum;
    }

    /** The sum of every count. */
    long total() {
        long total = 0;
        for (int i = 0; i < size; i++) {
            total += counts[i];
        }
        return total;
    }

    /** The sum of the counts of the keys before this one. */
    long totalBefore(long major, int minor) {
        int end = indexOf(major, minor);
        end = end < 0 ? -end - 1 : end;
        long total = 0;
        for (int i = 0; i < end; i++) {
            total += counts[i];
        }
        return total;
    }

    private static SortedCounts merge(SortedCounts a, SortedCounts b, int sign) {
        SortedCounts out = new SortedCounts(Math.max(4, a.size + b.size));
        int i = 0;
        int j = 0;
        while (i < a.size || j < b.size) {
            int order = i == a.size ? 1 : j == b.size ? -1 : compare(a.majors[i], a.minors[i], b.majors[j], b.minors[j]);
            long major;
            int minor;
            long count;
            if (order < 0) {
                major = a.majors[i];
                minor = a.minors[i];
                count = a.counts[i++];
            } else if (order > 0) {
                major = b.majors[j];
                minor = b.minors[j];
                count = sign * b.counts[j++];
            } else {
                major = a.majors[i];
                minor = a.minors[i];
                count = a.counts[i++] + sign * b.counts[j++];
            }
            if (count != 0) {
                out.majors[out.size] = major;
                out.minors[out.size] = minor;
                out.counts[out.size++] = count;
            }
        }
        return out;
    }

    private int indexOf(long major, int minor) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int order = compare(majors[mid], minors[mid], major, minor);
            if (order < 0) {
                low = mid + 1;
            } else if (order > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    private int compare(long major, int minor, int i) {
        return compare(major, minor, majors[i], minors[i]);
    }

    private static int compare(long majorA, int minorA, long majorB, int minorB) {
        int order = Long.compare(majorA, majorB);
        return order != 0 ? order : Integer.compare(minorA, minorB);
    }

    private void insertAt(int i, long major, int minor, long count) {
        if (size == majors.length) {
            int capacity = Math.max(4, size * 2);
            majors = Arrays.copyOf(majors, capacity);
            minors = Arrays.copyOf(minors, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
        System.arraycopy(majors, i, majors, i + 1, size - i);
        System.arraycopy(minors, i, minors, i + 1, size - i);
        System.arraycopy(counts, i, counts, i + 1, size - i);
        majors[i] = major;
        minors[i] = minor;
        counts[i] = count;
        size++;
    }
}
