package uk.london.victims.projections.ledger;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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

    static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);

        void unsigned(long value) {
            while ((value & ~0x7FL) != 0) {
                bytes.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            bytes.write((int) value);
        }

        void signed(long value) {
            unsigned((value << 1) ^ (value >> 63));
        }

        void text(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            unsigned(utf8.length);
            bytes.write(utf8, 0, utf8.length);
        }

        byte[] bytes() {
            return bytes.toByteArray();
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
