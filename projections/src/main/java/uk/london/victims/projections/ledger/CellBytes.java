package uk.london.victims.projections.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

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
        int format = (int) in.unsigned();
        if (format != FORMAT) {
            throw new IllegalStateException("Figures stored in cell format " + format + ", which this version cannot read; replay the ledger");
        }
        Map<String, Cell> cells = new TreeMap<>();
        for (long n = in.unsigned(); n > 0; n--) {
            String name = in.text();
            cells.put(name, Cell.read(in));
        }
        return cells;
    }

    /** Into a plain array: {@code ByteArrayOutputStream} takes a lock per byte, a fifth of the ledger's encoding time. */
    static final class Writer {
        private byte[] bytes = new byte[256];
        private int size;

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

        String text() {
            int length = (int) unsigned();
            String value = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }
    }
}
