package uk.london.victims.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import uk.london.victims.application.store.RequiresDocker;
import uk.london.victims.web.security.AgencyRole;
import uk.london.victims.web.security.StaffMember;
import uk.london.victims.web.security.TestIdentityProvider;

/**
 * The same service tests on a real MongoDB replica set; skipped, with that reason, without Docker. On
 * MongoDB there are no demo tokens, so a stand-in identity provider issues them, found by OIDC discovery.
 */
@RequiresDocker
@Testcontainers
class ServiceOnMongoDbTest extends ServiceContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    private static TestIdentityProvider identityProvider;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        identityProvider = TestIdentityProvider.start();
        registry.add("vjt.store.uri", MONGO::getReplicaSetUrl);
        // On MongoDB the vault refuses to start without a master key (ADR 0007); any 32 bytes will do here.
        registry.add("vjt.vault.master-key", () -> Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)));
        registry.add("vjt.security.issuer-uri", identityProvider::issuer);
        registry.add("vjt.security.jwk-set-uri", () -> "");
    }

    @AfterAll
    static void stopIdentityProvider() {
        identityProvider.close();
    }

    /**
     * On MongoDB itself, each query the service sent during the tests is answered from an index: its plan has
     * an index scan and no collection scan, and a sorted query no sort in memory (ADR 0030).
     */
    @AfterAll
    static void eachQueryTheServiceSentScansAnIndex() {
        List<String> problems = new ArrayList<>();
        try (MongoClient client = MongoClients.create(MONGO.getReplicaSetUrl())) {
            for (StoreQueries.Shape shape : StoreQueries.RECORDED.shapes()) {
                if (shape.fields().isEmpty() && shape.sort().isEmpty()) {
                    continue; // "any one document": a scan that stops at the first
                }
                Document explained = client.getDatabase(shape.database())
                        .runCommand(new Document("explain", shape.example()).append("verbosity", "queryPlanner"));
                Set<String> stages = new HashSet<>();
                stages(explained, stages);
                boolean indexed = stages.stream().anyMatch(stage -> stage.contains("IXSCAN") || stage.equals("IDHACK")
                        || stage.startsWith("EXPRESS") || stage.equals("COUNT_SCAN") || stage.equals("DISTINCT_SCAN"))
                        || stages.equals(Set.of("EOF"));
                boolean sortsInMemory = !shape.sort().isEmpty() && stages.contains("SORT");
                if (!indexed || stages.contains("COLLSCAN") || sortsInMemory) {
                    problems.add(shape + ": " + stages);
                }
            }
        }
        assertThat(problems).as("queries MongoDB does not answer from an index").isEmpty();
    }

    /** Every plan stage's name, leaving out the plans MongoDB rejected. */
    private static void stages(Object node, Set<String> into) {
        if (node instanceof Document document) {
            document.forEach((key, value) -> {
                if (key.equals("stage") && value instanceof String stage) {
                    into.add(stage);
                } else if (!key.equals("rejectedPlans")) {
                    stages(value, into);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> stages(item, into));
        }
    }

    @Override
    String bearerToken(AgencyRole role) {
        return identityProvider.token(role);
    }

    @Override
    String bearerToken(AgencyRole role, String staffId, String unit, String bcu) {
        var claims = TestIdentityProvider.claims(identityProvider.issuer(), "vjt-agency-api", role, java.time.Duration.ofHours(1))
                .subject(staffId).claim(StaffMember.UNIT_CLAIM, unit);
        if (bcu != null) {
            claims.claim(StaffMember.BCU_CLAIM, bcu);
        }
        return identityProvider.sign(claims.build());
    }
}
