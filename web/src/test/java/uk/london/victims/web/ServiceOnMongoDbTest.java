package uk.london.victims.web;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import uk.london.victims.web.security.AgencyRole;
import uk.london.victims.web.security.StaffMember;
import uk.london.victims.web.security.TestIdentityProvider;

/**
 * The same service tests on a real MongoDB replica set; skipped, with that reason, without Docker. On
 * MongoDB there are no demo tokens, so a stand-in identity provider issues them, found by OIDC discovery.
 */
@Testcontainers(disabledWithoutDocker = true)
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
