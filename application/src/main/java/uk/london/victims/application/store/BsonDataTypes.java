package uk.london.victims.application.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * How the embedded store writes documents and unique-index keys into MVStore pages: as BSON, the form
 * mongo-java-server itself decodes from and encodes to the wire.
 *
 * <p>Upstream (mongo-java-server 1.47's H2 backend) opens its maps with H2's default {@code ObjectDataType},
 * which writes any class it does not know with Java serialization: a 526-byte BSON event commit became
 * 1,028 bytes, at 5–10× the CPU per write and read. Worse, that type orders keys it does not know by
 * comparing their Java-serialized bytes, so every lookup in a unique index ({@code _id} included)
 * serialized both keys at each step of the B-tree search. Every MVStore commit re-serializes the whole
 * leaf pages it touches, so the cost was paid many times per write (ADR 0024).
 */
final class BsonDataTypes {

    private BsonDataTypes() {
    }

    /** Documents as BSON: the first four bytes (little-endian) are the document's own length. */
    static final BasicDataType<Document> DOCUMENTS = new BasicDataType<>() {

        @Override
        public int getMemory(Document document) {
            return estimate(document);
        }

        @Override
        public void write(WriteBuffer buff, Document document) {
            ByteBuf bson = BsonScratch.encode(document);
            buff.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        }

        @Override
        public Document read(ByteBuffer buff) {
            int length = buff.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
            ByteBuf bson = Unpooled.wrappedBuffer(buff.slice().limit(length));
            buff.position(buff.position() + length);
            return BsonDecoder.decodeBson(bson);
        }

        @Override
        public Document[] createStorage(int size) {
            return new Document[size];
        }
    };

    /**
     * Unique-index keys (already normalized by mongo-java-server, e.g. every number a double): written as
     * one BSON document holding their values in order, and ordered as MongoDB orders values.
     */
    static final BasicDataType<KeyValue> KEYS = new BasicDataType<>() {

        private final Comparator<Object> values = ValueComparator.asc();

        @Override
        public int compare(KeyValue a, KeyValue b) {
            int common = Math.min(a.size(), b.size());
            for (int i = 0; i < common; i++) {
                Object x = a.get(i);
                Object y = b.get(i);
                // The common case (a string or number _id) without the general comparator's type dispatch.
                int order = x instanceof String s && y instanceof String t ? s.compareTo(t) : values.compare(x, y);
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        @Override
        public int getMemory(KeyValue key) {
            int memory = 24;
            for (Object value : key) {
                memory += estimateValue(value);
            }
            return memory;
        }

        @Override
        public void write(WriteBuffer buff, KeyValue key) {
            List<Object> values = new ArrayList<>(key.size());
            key.forEach(values::add);
            DOCUMENTS.write(buff, new Document("k", values));
        }

        @Override
        public KeyValue read(ByteBuffer buff) {
            return new KeyValue((Collection<?>) DOCUMENTS.read(buff).get("k"));
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    };

    /** The heap a decoded document takes, roughly: the page cache is sized by it, not by disk bytes. */
    private static int estimate(Map<String, ?> document) {
        int memory = 64;
        for (Map.Entry<String, ?> entry : document.entrySet()) {
            memory += 48 + 2 * entry.getKey().length() + estimateValue(entry.getValue());
        }
        return memory;
    }

    @SuppressWarnings("unchecked")
    private static int estimateValue(Object value) {
        if (value instanceof String s) {
            return 48 + 2 * s.length();
        }
        if (value instanceof Map<?, ?> map) {
            return estimate((Map<String, ?>) map);
        }
        if (value instanceof Collection<?> list) {
            int memory = 48;
            for (Object element : list) {
                memory += 8 + estimateValue(element);
            }
            return memory;
        }
        return 24;
    }
}
