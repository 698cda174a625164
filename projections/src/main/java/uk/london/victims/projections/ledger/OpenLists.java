package uk.london.victims.projections.ledger;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

import uk.london.victims.domain.code.Obligation;
import uk.london.victims.projections.support.ByIds;
import uk.london.victims.projections.support.IsoInstants;
import uk.london.victims.projections.support.RecordDocuments;

/**
 * The work lists' items as stored (ADR 0038), read in deadline order a page at a time. Each list's leading
 * items are kept, decoded, while the list's stamp is unchanged ({@link ObligationLedgerProjection#OPEN_STAMPS}):
 * a unit's list is read by many people between changes, and decoding its items was most of an answer's cost.
 * The stamps are in the store, so a list changed by another instance's processor is seen at the next read.
 */
final class OpenLists {

    /** Items of one list kept at most: beyond the largest page anyone asks for (1,000), read from the store each time. */
    static final int KEPT_PER_LIST = 2_000;
    private final int keptPerList;
    /** Items kept over all lists: a few MB. */
    private static final long KEPT_IN_ALL = 20_000;

    /** An outstanding obligation on a list, as stored: current, not yet judged at any instant. */
    record Item(String id, String caseId, String key, Instant recordedAt, Obligation obligation) {
    }

    /** A list's items from its first, as they were under {@code stamp}; {@code whole} when the list has no more. */
    private record Leading(Object stamp, List<Item> items, boolean whole) {
    }

    private final MongoCollection<Document> open;
    private final MongoCollection<Document> stamps;
    private final Cache<String, Leading> leading = Caffeine.newBuilder()
            .maximumWeight(KEPT_IN_ALL).weigher((String list, Leading kept) -> Math.max(1, kept.items().size())).build();

    OpenLists(MongoDatabase database, int keptPerList) {
        this.keptPerList = keptPerList;
        this.open = database.getCollection(ObligationLedgerProjection.OPEN);
        this.stamps = database.getCollection(ObligationLedgerProjection.OPEN_STAMPS);
    }

    /** The lists' stamps now, in one read; a list never written has none (null). Read before the items they vouch for. */
    Map<String, Object> stamps(List<String> lists) {
        return ByIds.stamps(stamps, lists);
    }

    /**
     * Up to {@code count} items of the list from position {@code from} (0: its first), in deadline order; fewer only
     * where the list ends. {@code stamp} is the list's, read before this call; {@code afterId} is the item before
     * {@code from} (null for the first page).
     */
    List<Item> page(String list, Object stamp, int from, String afterId, int count) {
        int to = from + count;
        if (to > keptPerList) {
            return read(list, afterId, count);
        }
        Leading kept = leading.getIfPresent(list);
        if (kept == null || !Objects.equals(kept.stamp(), stamp)) {
            kept = new Leading(stamp, List.of(), false);
        }
        if (kept.items().size() < to && !kept.whole()) {
            // Read on to what was asked, or to twice what was kept if more, so the next page is usually at hand.
            int wanted = Math.min(keptPerList, Math.max(to, 2 * kept.items().size())) - kept.items().size();
            List<Item> more = read(list, kept.items().isEmpty() ? null : kept.items().get(kept.items().size() - 1).id(), wanted);
            List<Item> items = new ArrayList<>(kept.items().size() + more.size());
            items.addAll(kept.items());
            items.addAll(more);
            kept = new Leading(stamp, List.copyOf(items), more.size() < wanted);
            leading.put(list, kept);
        }
        List<Item> items = kept.items();
        return items.subList(Math.min(from, items.size()), Math.min(to, items.size()));
    }

    /** Items of the list after {@code afterId} (null: from its first), at most {@code count}, from the store. */
    private List<Item> read(String list, String afterId, int count) {
        // Items sort after "<list>|" and before "<list>}" ('}' follows '|').
        Bson range = and(afterId == null ? gte("_id", list + "|") : gt("_id", afterId), lt("_id", list + "}"));
        List<Item> items = new ArrayList<>(count);
        for (Document d : open.find(range).sort(Sorts.ascending("_id")).limit(count).batchSize(Math.min(count, 1_000))) {
            items.add(new Item(d.getString("_id"), d.getString("c"), d.getString("k"), IsoInstants.parse(d.getString("r")),
                    RecordDocuments.fromDocument(Obligation.class, d.get("o", Document.class))));
        }
        return items;
    }
}
