package uk.london.victims.projections.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import uk.london.victims.domain.code.Obligation;
import uk.london.victims.projections.review.ReviewDimension;
import uk.london.victims.projections.support.IsoInstants;
import uk.london.victims.projections.support.RecordDocuments;

/** Ledger entries as stored: obligations component by component, so a new component is carried unchanged. */
final class LedgerDocuments {

    private LedgerDocuments() {
    }

    static Map<String, LedgerEntry> entries(Document ledger) {
        Map<String, LedgerEntry> entries = new LinkedHashMap<>();
        if (ledger == null) {
            return entries;
        }
        for (Document e : ledger.getList("entries", Document.class, List.of())) {
            List<LedgerRevision> revisions = new ArrayList<>();
            for (Document r : e.getList("revisions", Document.class)) {
                Document o = r.get("obligation", Document.class);
                revisions.add(new LedgerRevision(IsoInstants.parse(r.getString("recordedAt")), r.get("sequence", Number.class).longValue(),
                        o == null ? null : RecordDocuments.fromDocument(Obligation.class, o), groups(r.get("groups", Document.class))));
            }
            entries.put(e.getString("key"), new LedgerEntry(e.getString("key"), e.get("position", Number.class).intValue(), revisions));
        }
        return entries;
    }

    static List<Document> toDocuments(Map<String, LedgerEntry> entries) {
        List<Document> documents = new ArrayList<>();
        for (LedgerEntry entry : entries.values()) {
            List<Document> revisions = new ArrayList<>();
            for (LedgerRevision r : entry.revisions()) {
                Document groups = new Document();
                r.groups().forEach((d, values) -> groups.append(d.name(), values));
                revisions.add(new Document("recordedAt", r.recordedAt().toString()).append("sequence", r.sequence())
                        .append("obligation", r.obligation() == null ? null : RecordDocuments.toDocument(r.obligation()))
                        .append("groups", groups));
            }
            documents.add(new Document("key", entry.key()).append("position", entry.position()).append("revisions", revisions));
        }
        return documents;
    }

    private static Map<ReviewDimension, List<String>> groups(Document document) {
        Map<ReviewDimension, List<String>> groups = new EnumMap<>(ReviewDimension.class);
        if (document == null) {
            return groups;
        }
        for (ReviewDimension d : ReviewDimension.values()) {
            if (document.containsKey(d.name())) {
                groups.put(d, document.getList(d.name(), String.class));
            }
        }
        return groups;
    }
}
