package uk.london.victims.application.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A buffer per thread to encode a document into, read at once and then reused. Encoding each document into a
 * fresh buffer that grew by doubling from 256 bytes was about a sixth of everything the embedded store allocated
 * while the ledger caught up (issue 14): every commit re-encodes each document of the pages it writes, and each
 * replacement is sized twice for the collection's data size.
 */
final class BsonScratch {

    /** A buffer grown past this by a very large document is dropped after use rather than kept by its thread. */
    private static final int KEEP_AT_MOST = 1 << 20;
    private static final ThreadLocal<ByteBuf> BUFFER = ThreadLocal.withInitial(() -> Unpooled.buffer(16 << 10));

    private BsonScratch() {
    }

    /** The document as BSON in this thread's buffer, valid until the thread's next call. */
    static ByteBuf encode(Document document) {
        ByteBuf buffer = BUFFER.get();
        if (buffer.capacity() > KEEP_AT_MOST) {
            buffer = Unpooled.buffer(16 << 10);
            BUFFER.set(buffer);
        }
        buffer.clear();
        BsonEncoder.encodeDocument(document, buffer);
        return buffer;
    }

    static int size(Document document) {
        return encode(document).readableBytes();
    }
}
