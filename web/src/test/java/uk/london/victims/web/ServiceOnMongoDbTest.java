package uk.london.victims.web;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same service tests on a real MongoDB replica set; skipped, with that reason, without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class ServiceOnMongoDbTest extends ServiceContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("vjt.store.uri", MONGO::getReplicaSetUrl);
        // On MongoDB the vault refuses to start without a master key (ADR 0007); any 32 bytes will do here.
        registry.add("vjt.vault.master-key", () -> Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)));
    }
}
