package uk.london.victims.projections.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One group of a figures document's cells (the total, one dimension's values, or one pair's) as a single BSON
 * binary value (ADR 0040). As nested documents, every minute to meet and every open deadline of every cell was a
 * field with a text name: a busy day's document held tens of thousands of them, and each batch that touched the
 * day decoded, copied and encoded them all, in the processor and in the store. As bytes the store keeps and
 * copies one array, and the ledger reads and writes variable-length integers.
 *
 * <p>The layout: a format byte; the number of cells; for each, its name (as {@link CellKey#fieldPath()} gives
 * it, empty for the total) and its counts ({@link Cell#write}). Integers are unsigned or zigzag varints (as in
 * Protocol Buffers), texts a varint length and UTF-8; sorted keys are written as differences from the previous one.
 */
final class CellBytes {

    private static final int FORMAT = 1;

    private CellBytes() {
    }

    static byte[] encode(Map<String, Cell> cellsByName) {
        Writer out = new Writer();
        out.unsigned(FORMAT);
        out.unsigned(cellsByName.size());
        new TreeMap<>(cellsByName).forEach((name, cell) -> {
            out.text(name);
            cell.write(out);
        });
        return out.bytes();
    }

    static Map<String, Cell> decode(byte[] bytes) {
        Reader in = new Reader(bytes);
        checkFormat((int) in.unsigned());
        Map<String, Cell> cells = new TreeMap<>();
        for (long n = in.unsigned(); n > 0; n--) {
            String name = in.text();
            cells.put(name, Cell.read(in));
        }
        return cells;
    }

    /**
     * A group as stored, with where each of its cells lies, none of them decoded (ADR 0057): a batch changes one or two
     * cells of each group of a day's figures, and the others, which may hold thousands of minutes and deadlines, are
     * copied as the bytes they are. Only the cells {@code kept} names are indexed, so those it refuses are dropped when
     * the group is written again, as decoding it whole drops them.
     */
    static Stored index(byte[] bytes, Predicate<String> kept) {
        Reader in = new Reader(bytes);
        checkFormat((int) in.unsigned());
        long count = in.unsigned();
        int capacity = (int) Math.min(count, 1 << 16);
        List<String> names = new ArrayList<>(capacity);
        List<int[]> ranges = new ArrayList<>(capacity);
        for (long n = count; n > 0; n--) {
            int named = in.position;
            String name = in.text();
            int start = in.position;
            Cell.skip(in);
            // A cell of no basis counts nothing: decoding drops it, and so does writing the group again.
            if (bytes[start] != 0 && kept.test(name)) {
                names.add(name);
                ranges.add(new int[] {named, start, in.position});
            }
        }
        return new Stored(bytes, names, ranges);
    }

    /**
     * A stored group's cells, as {@link #index} found them: in the order written, which is their names' order; each
     * with where its name begins, where its counts begin and where they end.
     */
    static final class Stored {
        private final byte[] bytes;
        private final List<String> names;
        private final List<int[]> ranges;

        private Stored(byte[] bytes, List<String> names, List<int[]> ranges) {
            this.bytes = bytes;
            this.names = names;
            this.ranges = ranges;
        }

        /** The cell stored under this name, decoded; null when there is none. */
        Cell cell(String name) {
            int i = Collections.binarySearch(names, name);
            if (i < 0) {
                return null;
            }
            Reader in = new Reader(bytes);
            in.position = ranges.get(i)[1];
            return Cell.read(in);
        }
    }

    /**
     * The group written again with some of its cells replaced: those of {@code changed} in their new form (left out if
     * they now count nothing), every other stored cell's bytes as they were. The same bytes as decoding the group whole,
     * applying the changes and {@link #encode encoding} it. Null when no cell is left.
     */
    static byte[] merge(Stored stored, SortedMap<String, Cell> changed) {
        int count = 0;
        for (String name : stored.names) {
            if (!changed.containsKey(name)) {
                count++;
            }
        }
        for (Cell cell : changed.values()) {
            if (!cell.isNothing()) {
                count++;
            }
        }
        if (count == 0) {
            return null;
        }
        Writer out = new Writer(stored.bytes.length + 256);
        out.unsigned(FORMAT);
        out.unsigned(count);
        Iterator<Map.Entry<String, Cell>> next = changed.entrySet().iterator();
        Map.Entry<String, Cell> pending = next.hasNext() ? next.next() : null;
        for (int i = 0; i < stored.names.size(); i++) {
            String name = stored.names.get(i);
            while (pending != null && pending.getKey().compareTo(name) < 0) {
                writeCell(out, pending.getKey(), pending.getValue());
                pending = next.hasNext() ? next.next() : null;
            }
            if (pending != null && pending.getKey().equals(name)) {
                writeCell(out, name, pending.getValue());
                pending = next.hasNext() ? next.next() : null;
            } else {
                int[] range = stored.ranges.get(i);
                out.raw(stored.bytes, range[0], range[2]);
            }
        }
        while (pending != null) {
            writeCell(out, pending.getKey(), pending.getValue());
            pending = next.hasNext() ? next.next() : null;
        }
        return out.bytes();
    }

    private static void writeCell(Writer out, String name, Cell cell) {
        if (!cell.isNothing()) {
            out.text(name);
            cell.write(out);
        }
    }

    private static void checkFormat(int format) {
        if (format != FORMAT) {
            throw new IllegalStateException("Figures stored in cell format " + format + ", which this version cannot read; replay the ledger");
        }
    }

    /** Into a plain array: {@code ByteArrayOutputStream} takes a lock per byte, a fifth of the ledger's encoding time. */
    static final class Writer {
        private byte[] bytes;
        private int size;

        Writer() {
            this(256);
        }

        Writer(int capacity) {
            bytes = new byte[capacity];
        }

        void unsigned(long value) {
            ensure(10);
            while ((value & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            bytes[size++] = (byte) value;
        }

        void signed(long value) {
            unsigned((value << 1) ^ (value >> 63));
        }

        void text(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            unsigned(utf8.length);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }

        void raw(byte[] from, int start, int end) {
            ensure(end - start);
            System.arraycopy(from, start, bytes, size, end - start);
            size += end - start;
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        long unsigned() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = bytes[position++];
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalStateException("A varint longer than 64 bits in the stored figures");
        }

        long signed() {
            long raw = unsigned();
            return (raw >>> 1) ^ -(raw & 1);
        }

        /** Past one integer, signed or not, without reading its value. */
        void skip() {
            for (int length = 0; length < 10; length++) {
                if ((bytes[position++] & 0x80) == 0) {
                    return;
                }
            }
            throw new IllegalStateException("A varint longer than 64 bits in the stored figures");
        }

        void skipText() {
            int length = (int) unsigned();
            position += length;
        }

        String text() {
            int length = (int) unsigned();
            String value = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }
    }
}
