package uk.london.victims.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** The index check's own rules, on commands as the driver sends them: it must be able to fail. */
class StoreQueriesTest {

    private static Optional<String> servedBy(String command) {
        StoreQueries.Shape shape = StoreQueries.shapes(BsonDocument.parse(command), "victims", "here").get(0);
        return StoreQueries.servedBy(shape, StoreIndexesAtStartUp.declared());
    }

    @Test
    void theOutboxPollIsServedByItsIndexAndAnIdLookupByTheIdIndex() {
        assertThat(servedBy("{find: 'notification_outbox', filter: {$and: [{status: 'PENDING'}, {notBefore: {$lte: 5}}]}}"))
                .contains("outbox_due");
        assertThat(servedBy("{update: 'notification_outbox', updates: [{q: {_id: 'm1', status: 'PENDING'}, u: {$set: {a: 1}}}]}"))
                .contains("_id_");
    }

    @Test
    void aFieldNoIndexLeadsWithIsAScan() {
        assertThat(servedBy("{find: 'case_summaries', filter: {crimeReference: 'CRIS-1'}}")).isEmpty();
        assertThat(servedBy("{aggregate: 'notification_outbox', pipeline: [{$match: {queuedAt: {$gt: 1}}}, {$group: {_id: 1}}]}"))
                .isEmpty();
    }

    @Test
    void aSortTheIndexDoesNotGiveIsASortInMemory() {
        assertThat(servedBy("{find: 'case_summaries', filter: {borough: 'HACKNEY'}, sort: {reportedAt: -1}, limit: 200}"))
                .contains("cases_by_borough");
        assertThat(servedBy("{find: 'case_summaries', filter: {borough: 'HACKNEY'}, sort: {reportedAt: 1}}"))
                .as("the reverse order reads the index backwards").contains("cases_by_borough");
        assertThat(servedBy("{find: 'case_summaries', filter: {borough: 'HACKNEY'}, sort: {officerId: 1}}")).isEmpty();
        assertThat(servedBy("{find: 'notification_outbox', filter: {status: 'PENDING'}, sort: {queuedAt: -1}}")).isEmpty();
    }

    @Test
    void onlyAnUnfilteredReadOfOneDocumentGoesWithoutAnIndex() {
        assertThat(servedBy("{find: 'person_keys', filter: {}, limit: 1}")).isPresent();
        assertThat(servedBy("{find: 'case_timelines', filter: {}}")).isEmpty();
    }
}
