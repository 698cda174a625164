package uk.london.victims.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.mongodb.client.model.Filters;

import uk.london.victims.web.session.HashedIdSessionRepository;
import uk.london.victims.web.session.SessionStoreConfiguration;

/**
 * Portal sessions live in the shared store through Spring Session (ADR 0029): stored under the hash of the
 * cookie's id, never the id itself, with who is signed in as plain strings, never a serialized object.
 */
class SessionsInTheStoreTest extends PortalJourneys {

    @Test
    void aSignedInSessionIsStoredUnderTheHashOfItsIdWithPlainAttributes() {
        Journey journey = journey("Session Person One");
        PortalClient phone = signedIn(journey);
        assertThat(phone.get("/track").getStatus()).isEqualTo(HttpStatus.OK);
        var sessions = database.getCollection(SessionStoreConfiguration.COLLECTION);

        assertThat(sessions.find(Filters.eq("_id", phone.session)).first()).as("the plain id is not stored").isNull();
        Document stored = sessions.find(Filters.eq("_id", HashedIdSessionRepository.hash(phone.session))).first();
        assertThat(stored).as("the session is stored under its id's hash").isNotNull();
        String json = stored.toJson();
        assertThat(json).contains(journey.caseId(), journey.victimId())
                // Neither Java serialization (base64 "rO0") nor a typed security object.
                .doesNotContain("rO0AB", "PortalAuthentication", "SecurityContextImpl", phone.session);
    }

    @Test
    void signingOutRemovesTheStoredSessionAndTheOldIdGetsNothing() {
        Journey journey = journey("Session Person Two");
        PortalClient phone = signedIn(journey);
        String session = phone.session;
        var sessions = database.getCollection(SessionStoreConfiguration.COLLECTION);
        assertThat(sessions.countDocuments(Filters.eq("_id", HashedIdSessionRepository.hash(session)))).isEqualTo(1);

        assertThat(phone.post("/track/sign-out", Map.of()).getStatus()).isEqualTo(HttpStatus.SEE_OTHER);

        assertThat(sessions.countDocuments(Filters.eq("_id", HashedIdSessionRepository.hash(session)))).isZero();
        phone.session = session;
        assertThat(phone.get("/track").getResponseHeaders().getLocation()).hasToString("/track/sign-in");
    }
}
