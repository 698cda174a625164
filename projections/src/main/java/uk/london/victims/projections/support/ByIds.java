package uk.london.victims.projections.support;

import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import com.mongodb.client.MongoCollection;

/** Reads of documents by their {@code _id}s, and the stamps that tell readers a kept copy is still current. */
public final class ByIds {

    private static final int READ_BATCH = 500;
    private static final String STAMP = "stamp";

    private ByIds() {
    }

    /** The documents with these {@code _id}s, by {@code _id}, read {@value #READ_BATCH} at a time; projected if given. */
    public static Map<String, Document> read(MongoCollection<Document> collection, Collection<String> ids, Bson projection) {
        Map<String, Document> found = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += READ_BATCH) {
            var find = collection.find(in("_id", all.subList(i, Math.min(all.size(), i + READ_BATCH)))).batchSize(READ_BATCH);
            (projection == null ? find : find.projection(projection)).forEach(d -> found.put(d.getString("_id"), d));
        }
        return found;
    }

    /** A stamp document never written before (an {@code ObjectId}), so a rebuilt read model cannot bring back one a reader kept. */
    public static Document freshStamp() {
        return new Document(STAMP, new ObjectId());
    }

    /** The stamps of these documents, by {@code _id}; one never written is absent (a reader takes null). */
    public static Map<String, Object> stamps(MongoCollection<Document> collection, Collection<String> ids) {
        Map<String, Object> stamps = new HashMap<>();
        read(collection, ids, null).forEach((id, d) -> stamps.put(id, d.get(STAMP)));
        return stamps;
    }
}
