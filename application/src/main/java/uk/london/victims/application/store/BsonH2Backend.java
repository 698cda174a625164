package uk.london.victims.application.store;

import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 backend with its documents and unique-index keys stored as BSON
 * ({@link BsonDataTypes}) instead of Java serialization. A patch of upstream behaviour (ADR 0024): the
 * upstream classes open their maps with {@code MVStore.openMap(name)}, which returns a map already open
 * under that name whatever types it was opened with, so opening each map here first, typed, is enough.
 *
 * <p>A store written by the upstream backend is converted once, map by map, when it is opened
 * ({@link #convertJavaSerialized}).
 */
class BsonH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(BsonH2Backend.class);

    /** Names as the upstream {@code H2Database} makes them. */
    private static final String DATA_PREFIX = "databases.";
    private static final String INDEX_INFIX = "._index_";
    /** Which maps hold BSON: a map's name → {@link #FORMAT}; {@code *} once every map does. */
    private static final String FORMAT_MAP = "vjt.map-format";
    private static final String FORMAT = "bson-1";
    private static final String CONVERTING_PREFIX = "vjt.converting.";

    BsonH2Backend(MVStore mvStore) {
        super(openTyped(convertJavaSerialized(mvStore)));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // The database's constructor creates these two collections before our subclass can act.
        openTyped(getMvStore(), DATA_PREFIX + databaseName + ".system.namespaces");
        openTyped(getMvStore(), DATA_PREFIX + databaseName + ".system.indexes");
        CONSTRUCTING.set(getMvStore());
        try {
            return new BsonH2Database(databaseName, getMvStore(), getCursorRegistry());
        } finally {
            CONSTRUCTING.remove();
        }
    }

    /** Opens every existing data and index map with its BSON type, before the upstream code opens it untyped. */
    private static MVStore openTyped(MVStore mvStore) {
        for (String name : mvStore.getMapNames()) {
            openTyped(mvStore, name);
        }
        return mvStore;
    }

    private static void openTyped(MVStore mvStore, String name) {
        if (name.startsWith(DATA_PREFIX)) {
            mvStore.openMap(name, documents());
        } else if (name.contains(INDEX_INFIX) && !name.startsWith(CONVERTING_PREFIX)) {
            mvStore.openMap(name, keys());
        }
    }

    private static MVMap.Builder<Object, Document> documents() {
        return new MVMap.Builder<Object, Document>().valueType(BsonDataTypes.DOCUMENTS);
    }

    private static MVMap.Builder<KeyValue, Object> keys() {
        return new MVMap.Builder<KeyValue, Object>().keyType(BsonDataTypes.KEYS);
    }

    /**
     * Rewrites every map the upstream backend wrote (Java-serialized values or keys) in BSON. Each map is
     * copied to a new map and committed; then, in one small commit, marked converted, dropped and replaced
     * by its copy. A crash during a copy leaves the old map and a partial copy, which the next start
     * discards and copies again; a crash after the swap finds the map marked. A new store is marked at once.
     */
    static MVStore convertJavaSerialized(MVStore mvStore) {
        MVMap<String, String> format = mvStore.openMap(FORMAT_MAP);
        if (FORMAT.equals(format.get("*"))) {
            return mvStore;
        }
        List<String> names = mvStore.getMapNames().stream()
                .filter(name -> !name.startsWith(CONVERTING_PREFIX) && !FORMAT.equals(format.get(name)))
                .filter(name -> name.startsWith(DATA_PREFIX) || name.contains(INDEX_INFIX))
                .toList();
        for (String name : names) {
            log.info("Converting embedded store map {} from Java serialization to BSON", name);
            boolean data = name.startsWith(DATA_PREFIX);
            MVMap<Object, Object> old = mvStore.openMap(name);
            String copyName = CONVERTING_PREFIX + name;
            if (mvStore.hasMap(copyName)) {
                mvStore.removeMap(copyName);
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            MVMap<Object, Object> copy = (MVMap) (data ? mvStore.openMap(copyName, documents()) : mvStore.openMap(copyName, keys()));
            copy.putAll(old);
            mvStore.commit();
            // Little is unsaved now, so no automatic commit can fall between these three changes.
            format.put(name, FORMAT);
            mvStore.removeMap(old);
            mvStore.renameMap(copy, name);
            mvStore.commit();
        }
        format.put("*", FORMAT);
        mvStore.commit();
        return mvStore;
    }

    private static final String ID = "_id";

    /**
     * The one {@code _id} a filter requires, or null when it allows more than one: {@code _id} equal to a
     * plain value (directly or by {@code $eq}), at the top or in a top-level {@code $and}. A value that is a
     * document, a list or null is left to upstream, whose equality rules for those are subtler.
     */
    static Object pinnedId(Document query) {
        Object value = query.get(ID);
        if (value instanceof Document condition && condition.size() == 1 && condition.containsKey("$eq")) {
            value = condition.get("$eq");
        }
        if (plain(value)) {
            return value;
        }
        if (query.get("$and") instanceof List<?> parts) {
            for (Object part : parts) {
                if (part instanceof Document condition) {
                    Object pinned = pinnedId(condition);
                    if (pinned != null) {
                        return pinned;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Whether a filter is {@code _id $in} a list of plain values and nothing else: then every document the
     * {@code _id} index finds for it matches it, and matching each against the whole list (as upstream does,
     * twice, comparing it with every value listed) is needless. The event store reads events, and the read models
     * their documents, 500 to 1,000 {@code _id}s at a time: that matching was most of a read's time (issue 10).
     */
    static boolean onlyListedIds(Document query) {
        return query.size() == 1 && query.get(ID) instanceof Document condition && condition.size() == 1
               && condition.get("$in") instanceof Collection<?> values && values.stream().allMatch(BsonH2Backend::plain);
    }

    /** A value whose equality MongoDB and upstream's index agree on: not a document, a list or null. */
    private static boolean plain(Object value) {
        return value instanceof String || value instanceof Number || value instanceof ObjectId || value instanceof UUID;
    }

    /**
     * The range of string {@code _id}s a filter allows at most: the tightest {@code $gt}/{@code $gte} and
     * {@code $lt}/{@code $lte} with string bounds among its conditions on {@code _id}, at the top or in
     * (nested) {@code $and}s; null without a string lower bound. Other conditions narrow it further and are
     * matched against each document in range. MongoDB compares values of different types by type first, so
     * such a range holds strings only.
     */
    record IdRange(String from, boolean fromIncluded, String to, boolean toIncluded) {

        static IdRange of(Document query) {
            IdRange range = new IdRange(null, false, null, false).narrowedBy(query);
            return range.from == null ? null : range;
        }

        private IdRange narrowedBy(Document query) {
            IdRange range = this;
            if (query.get(ID) instanceof Document condition) {
                for (String operator : condition.keySet()) {
                    if (condition.get(operator) instanceof String bound) {
                        range = range.narrowedBy(operator, bound);
                    }
                }
            }
            if (query.get("$and") instanceof List<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Document condition) {
                        range = range.narrowedBy(condition);
                    }
                }
            }
            return range;
        }

        private IdRange narrowedBy(String operator, String bound) {
            return switch (operator) {
                case "$gt", "$gte" -> {
                    int order = from == null ? 1 : bound.compareTo(from);
                    yield order > 0 || order == 0 && operator.equals("$gt") ? new IdRange(bound, operator.equals("$gte"), to, toIncluded) : this;
                }
                case "$lt", "$lte" -> {
                    int order = to == null ? -1 : bound.compareTo(to);
                    yield order < 0 || order == 0 && operator.equals("$lt") ? new IdRange(from, fromIncluded, bound, operator.equals("$lte")) : this;
                }
                default -> this;
            };
        }

        boolean contains(String id) {
            int low = id.compareTo(from);
            if (low < 0 || low == 0 && !fromIncluded) {
                return false;
            }
            int high = to == null ? -1 : id.compareTo(to);
            return high < 0 || high == 0 && toIncluded;
        }

        boolean beyond(String id) {
            int high = to == null ? -1 : id.compareTo(to);
            return high > 0 || high == 0 && !toIncluded;
        }

        /** The positions of the documents in range, walked lazily in {@code _id} order from the lower bound. */
        Iterable<Object> positions(MVMap<KeyValue, Object> keys) {
            return () -> new Iterator<>() {
                private final Cursor<KeyValue, Object> cursor = keys.cursor(new KeyValue(List.of(from)));
                private Object next = advance();

                private Object advance() {
                    while (cursor.hasNext()) {
                        KeyValue key = cursor.next();
                        if (key.size() != 1 || !(key.get(0) instanceof String id) || beyond(id)) {
                            return null; // past the strings, or past the range
                        }
                        if (contains(id)) {
                            return cursor.getValue();
                        }
                    }
                    return null;
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Object next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    Object current = next;
                    next = advance();
                    return current;
                }
            };
        }
    }

    /** The store of the database being constructed: the upstream constructor opens collections before our fields are set. */
    private static final ThreadLocal<MVStore> CONSTRUCTING = new ThreadLocal<>();

    /**
     * True while this thread answers a {@code find} command: its documents are only encoded into the reply,
     * never changed, so they need not be copied ({@link CopyingCollection}).
     */
    private static final ThreadLocal<Boolean> ANSWERING_FIND = ThreadLocal.withInitial(() -> false);

    /** The upstream database, with typed maps, and collections that hand out copies ({@link CopyingCollection}). */
    private static final class BsonH2Database extends H2Database {

        /** Null while the upstream constructor runs: the maps it opens then were opened typed beforehand. */
        private final MVStore mvStore;

        BsonH2Database(String databaseName, MVStore mvStore, CursorRegistry cursors) {
            super(databaseName, mvStore, cursors);
            this.mvStore = mvStore;
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store = mvStore != null ? mvStore : CONSTRUCTING.get();
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = store.openMap(DATA_PREFIX + fullName, documents());
            MVMap<String, Object> metaMap = store.openMap("meta." + fullName);
            return new CopyingCollection(this, collectionName, options, dataMap, metaMap, cursorRegistry, store, fullName);
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
                                      Oplog oplog) {
            if (!command.equalsIgnoreCase("find")) {
                return super.handleCommand(channel, command, query, databaseResolver, oplog);
            }
            ANSWERING_FIND.set(true);
            try {
                return super.handleCommand(channel, command, query, databaseResolver, oplog);
            } finally {
                ANSWERING_FIND.set(false);
            }
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            if (mvStore != null) {
                openTyped(mvStore, getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName);
            }
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }

    /**
     * mongo-java-server updates a document by changing the stored object in place. Here that object also
     * sits in an MVStore page, which a commit may be serializing at that moment on another thread (commits
     * run outside the write lock, ADR 0014): seen as a ConcurrentModificationException in the benchmark.
     * Every document a query yields to the backend's own paths (updates, findAndModify, aggregations) is
     * therefore a copy; an update changes the copy and puts it back. So a stored object is never changed once
     * stored, and a {@code find} command, which only encodes what it reads into its reply, is given the stored
     * objects themselves: copying each was a large part of a read's cost (issue 10's work list, 200 items a read).
     */
    private static final class CopyingCollection extends H2Collection {

        /** The filter every document matches. */
        private static final Document MATCHED = new Document();

        private final MVStore store;
        private final String fullName;
        /** The {@code _id} index and its map, found on first use (the index is created after the collection). */
        private volatile Index<Object> idIndex;
        private volatile MVMap<KeyValue, Object> idKeys;

        CopyingCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                          MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors,
                          MVStore store, String fullName) {
            super(database, collectionName, options, dataMap, metaMap, cursors);
            this.store = store;
            this.fullName = fullName;
        }

        /**
         * Upstream uses the {@code _id} index only for a filter on {@code _id} alone, so a guarded write such as
         * {@code {$and: [{_id: x}, {version: {$lt: 7}}]}} read and matched every document of the collection:
         * the obligation ledger's counters and the event store's claim releases made replay and commands
         * slower with every document stored. A filter that pins one {@code _id} now reads that document, by
         * the same index, and matches the whole filter against it.
         */
        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                             Document fieldSelector) {
            Object id = pinnedId(query);
            Document byId = id == null ? null : new Document(ID, id);
            Index<Object> index = byId == null ? null : idIndexFor(byId);
            if (index != null) {
                return matchDocuments(query, index.getPositions(byId), orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            Index<Object> listed = onlyListedIds(query) ? idIndexFor(query) : null;
            if (listed != null) {
                return matchDocuments(MATCHED, listed.getPositions(query), orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            IdRange range = IdRange.of(query);
            MVMap<KeyValue, Object> keys = range == null || !inIdOrder(orderBy) ? null : idKeys();
            if (keys != null) {
                // Already in _id order: upstream sorts only when asked to, and its limit then stops the walk early.
                return matchDocuments(query, range.positions(keys), null, numberToSkip, limit, batchSize, fieldSelector);
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /**
         * A replacement of one document pinned by {@code _id} (how the read models write: {@code replaceOne}, alone or
         * in a bulk), without upstream's three deep copies of the stored document and the replacement. Upstream
         * copies the document it read, copies it again as the "old" document, and copies the replacement into a
         * new one, because its general update path changes the stored object in place; the replacement path needs
         * none of that, as neither object is changed here: the stored document stays as it was (MVStore's cache
         * holds it) and the replacement, decoded for this command alone, is stored as it came, behind its
         * {@code _id} as upstream puts it. Those copies were most of the store's write time while the ledger caught
         * up (issue 14). Anything else (operators, several documents, an upsert that inserts) takes upstream's path.
         */
        @Override
        public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                     boolean isMulti, boolean isUpsert, Oplog oplog) {
            Object id = pinnedId(selector);
            if (isMulti || id == null || updateQuery.keySet().stream().anyMatch(k -> k.startsWith("$"))) {
                return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
            }
            Object position = positionOf(id);
            Document stored = position == null ? null : getDocument(position);
            if (stored == null || !documentMatchesQuery(stored, selector)) {
                return isUpsert ? super.updateDocuments(selector, updateQuery, arrayFilters, false, true, oplog)
                                : new Document("n", 0).append("nModified", 0);
            }
            Object newId = updateQuery.get(ID);
            if (newId != null && !Objects.equals(newId, stored.get(ID))) {
                // An _id that differs, or only seems to (1 and 1L): upstream's answer, error or not.
                return super.updateDocuments(selector, updateQuery, arrayFilters, false, isUpsert, oplog);
            }
            Document replacement = new Document(ID, stored.get(ID));
            updateQuery.forEach((key, value) -> {
                if (!ID.equals(key)) {
                    replacement.put(key, value);
                }
            });
            Utils.validateFieldNames(replacement);
            if (replacement.equals(stored)) {
                return new Document("n", 1).append("nModified", 0);
            }
            for (Index<Object> index : getIndexes()) {
                index.checkUpdate(stored, replacement, this);
            }
            for (Index<Object> index : getIndexes()) {
                index.updateInPlace(stored, replacement, position, this);
            }
            updateDataSize(BsonScratch.size(replacement) - BsonScratch.size(stored));
            handleUpdate(position, stored, replacement);
            oplog.handleUpdate(getFullName(), selector, updateQuery, List.of(stored.get(ID)));
            return new Document("n", 1).append("nModified", 1);
        }

        /** Where the document with this {@code _id} is, by the {@code _id} index; null when there is none. */
        private Object positionOf(Object id) {
            Document byId = new Document(ID, id);
            Index<Object> index = idIndexFor(byId);
            Iterator<Object> positions = index == null ? null : index.getPositions(byId).iterator();
            return positions != null && positions.hasNext() ? positions.next() : null;
        }

        /** The index that finds documents by this filter on {@code _id} alone, or null when the collection has none yet. */
        private Index<Object> idIndexFor(Document byId) {
            for (Index<Object> index : getIndexes()) {
                if (index.getKeys().size() == 1 && index.getKeys().get(0).getKey().equals(ID) && index.canHandle(byId)) {
                    return index;
                }
            }
            return null;
        }

        private static boolean inIdOrder(Document orderBy) {
            return orderBy == null || orderBy.isEmpty()
                   || orderBy.size() == 1 && orderBy.get(ID) instanceof Number direction && direction.intValue() == 1;
        }

        /** The map of the {@code _id} index, whose keys MVStore keeps sorted as MongoDB compares them ({@link BsonDataTypes#KEYS}). */
        private MVMap<KeyValue, Object> idKeys() {
            for (Index<Object> index : getIndexes()) {
                if (index.getKeys().size() == 1 && index.getKeys().get(0).getKey().equals(ID)) {
                    if (index != idIndex) {
                        idKeys = store.openMap(fullName + INDEX_INFIX + index.getName(), keys());
                        idIndex = index;
                    }
                    return idKeys;
                }
            }
            return null;
        }

        @Override
        protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documents, int numberToSkip, int limit,
                                                       int batchSize, Comparator<Document> comparator, Document fieldSelector) {
            // Copied after matching, so a scan copies only what it returns; upstream is given an empty filter, as
            // every document it is given has matched already.
            Stream<Document> matching = documents.filter(d -> documentMatchesQuery(d, query));
            return super.matchDocumentsFromStream(MATCHED, ANSWERING_FIND.get() ? matching : matching.map(Document::cloneDeeply),
                    numberToSkip, limit, batchSize, comparator, fieldSelector);
        }
    }
}
