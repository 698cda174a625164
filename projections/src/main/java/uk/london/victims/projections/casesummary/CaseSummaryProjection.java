package uk.london.victims.projections.casesummary;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

import uk.london.victims.domain.cases.CrimeReportedEvent;
import uk.london.victims.domain.cases.VictimInformedEvent;

/**
 * One document per case, keyed by case id. Delivery is at least once, so each update records the
 * case's event sequence number and an event at or below it is recognised as already applied.
 */
@Component
@ProcessingGroup(CaseSummaryProjection.PROCESSING_GROUP)
public class CaseSummaryProjection {

    public static final String PROCESSING_GROUP = "case-summaries";
    public static final String COLLECTION = "case_summaries";

    private final MongoCollection<Document> summaries;

    public CaseSummaryProjection(MongoDatabase database) {
        this.summaries = database.getCollection(COLLECTION);
    }

    @EventHandler
    void on(CrimeReportedEvent event, @SequenceNumber long sequence) {
        apply(event.caseId().value(), sequence, summary -> summary
                .append("status", "REPORTED")
                .append("reportChannel", event.channel().name())
                .append("reportedAt", Date.from(event.occurredAt()))
                .append("victimContacts", 0));
    }

    @EventHandler
    void on(VictimInformedEvent event, @SequenceNumber long sequence) {
        apply(event.caseId().value(), sequence, summary -> summary
                .append("victimContacts", summary.getInteger("victimContacts", 0) + 1)
                .append("lastVictimContactAt", Date.from(event.occurredAt())));
    }

    @ResetHandler
    void reset() {
        summaries.drop();
    }

    @QueryHandler
    Optional<CaseSummaryView> handle(FindCaseSummaryQuery query) {
        return Optional.ofNullable(summaries.find(eq("_id", query.caseId())).first()).map(CaseSummaryProjection::toView);
    }

    private void apply(String caseId, long sequence, UnaryOperator<Document> change) {
        Document current = summaries.find(eq("_id", caseId)).first();
        if (current != null && current.get("version", Number.class).longValue() >= sequence) {
            return;
        }
        Document next = change.apply(current == null ? new Document("_id", caseId) : current).append("version", sequence);
        summaries.replaceOne(eq("_id", caseId), next, new ReplaceOptions().upsert(true));
    }

    private static CaseSummaryView toView(Document d) {
        return new CaseSummaryView(d.getString("_id"), d.getString("status"), d.getString("reportChannel"),
                instant(d.getDate("reportedAt")), d.getInteger("victimContacts", 0),
                instant(d.getDate("lastVictimContactAt")), d.get("version", Number.class).longValue());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
