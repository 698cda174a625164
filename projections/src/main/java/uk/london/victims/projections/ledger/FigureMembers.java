package uk.london.victims.projections.ledger;

import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.bson.types.Binary;

/**
 * A figure document's members, the version of each case last counted in it (what keeps counting idempotent), as one
 * BSON binary value (ADR 0058). As a nested document each case was a field: on a busy day some 500, about half the
 * document's BSON, and the embedded store decoded, sized, compared and encoded them one by one on every write of the
 * document. As bytes the store copies one array.
 *
 * <p>The layout ({@link CellBytes}' integers and texts): a format byte; the number of cases; for each, in case id order,
 * how many leading characters its id shares with the one before, the rest of its id, and its version.
 */
public final class FigureMembers {

    private static final int FORMAT = 1;

    private FigureMembers() {
    }

    public static Binary encode(Map<String, Long> members) {
        CellBytes.Writer out = new CellBytes.Writer(16 + members.size() * 12);
        out.unsigned(FORMAT);
        out.unsigned(members.size());
        String previous = "";
        // BucketFigures keeps its members in a TreeMap already: sorted again only when given some other map.
        Map<String, Long> sorted = members instanceof TreeMap<String, Long> tree && tree.comparator() == null ? members : new TreeMap<>(members);
        for (Map.Entry<String, Long> member : sorted.entrySet()) {
            String id = member.getKey();
            int shared = 0;
            int most = Math.min(previous.length(), id.length());
            while (shared < most && previous.charAt(shared) == id.charAt(shared)) {
                shared++;
            }
            out.unsigned(shared);
            out.text(id.substring(shared));
            out.unsigned(member.getValue());
            previous = id;
        }
        return new Binary(out.bytes());
    }

    /** Adds the stored members to {@code into}: as written by {@link #encode}, or as a nested document before ADR 0058. */
    public static void readInto(Object stored, Map<String, Long> into) {
        if (stored instanceof Document document) {
            document.forEach((caseId, version) -> into.put(caseId, ((Number) version).longValue()));
        } else if (stored instanceof Binary binary) {
            CellBytes.Reader in = new CellBytes.Reader(binary.getData());
            int format = (int) in.unsigned();
            if (format != FORMAT) {
                throw new IllegalStateException("Figure members stored in format " + format + ", which this version cannot read; replay the ledger");
            }
            String previous = "";
            for (long n = in.unsigned(); n > 0; n--) {
                int shared = (int) in.unsigned();
                String id = previous.substring(0, shared) + in.text();
                into.put(id, in.unsigned());
                previous = id;
            }
        }
    }

    /** How many cases a stored figure document counts (the benchmark reports its largest). */
    public static int count(Object stored) {
        if (stored instanceof Document document) {
            return document.size();
        }
        if (stored instanceof Binary binary) {
            CellBytes.Reader in = new CellBytes.Reader(binary.getData());
            in.unsigned();
            return (int) in.unsigned();
        }
        return 0;
    }
}
