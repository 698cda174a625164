package uk.london.victims.application.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import uk.london.victims.application.store.MongoStoreConfiguration;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.PersonalDataVault;
import uk.london.victims.domain.people.Sealed;

/** Where the vault's master key comes from at start-up, on the embedded store and on MongoDB. */
class VaultConfigurationTest {

    @TempDir
    Path dataDirectory;

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withUserConfiguration(MongoStoreConfiguration.class, PersonalDataVaultConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC);

    private ApplicationContextRunner embedded() {
        return service.withPropertyValues("vjt.store.uri=", "vjt.store.data-directory=" + dataDirectory);
    }

    @Test
    void theEmbeddedStoreWithoutAMasterKeyKeepsADemoKeyReadableOnlyByItsOwner() {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "file permissions are POSIX here");
        Path keyFile = dataDirectory.resolve(MasterKeySource.DEMO_KEY_FILE);
        AtomicReference<Sealed> sealed = new AtomicReference<>();
        AtomicReference<String> key = new AtomicReference<>();

        embedded().run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(PersonalDataVault.class);
            sealed.set(context.getBean(PersonalDataVault.class).seal(PersonId.newId(), "Zoë Ó'Brien"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            key.set(Files.readString(keyFile));
            assertThat(Base64.getDecoder().decode(key.get().strip())).hasSize(32);
        });
        // The next start finds the same key, so what was sealed stays readable.
        embedded().run(context -> {
            assertThat(context.getBean(PersonalDataVault.class).open(sealed.get())).contains("Zoë Ó'Brien");
            assertThat(Files.readString(keyFile)).isEqualTo(key.get());
        });
        try (var files = Files.list(dataDirectory)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aLostDemoKeyStopsStartUpRatherThanLockingAwayWhatWasSealed() throws Exception {
        embedded().run(context -> context.getBean(PersonalDataVault.class).seal(PersonId.newId(), "Zoë Ó'Brien"));
        Files.delete(dataDirectory.resolve(MasterKeySource.DEMO_KEY_FILE));

        embedded().run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not the one the stored person keys were wrapped with"));
    }

    @Test
    void onMongoDbStartUpFailsWithoutAMasterKey() {
        service.withPropertyValues("vjt.store.uri=mongodb://127.0.0.1:1/").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("VJT_VAULT_MASTER_KEY (vjt.vault.master-key) is not set"));
    }

    @Test
    void aConfiguredMasterKeyIsUsedAndNoDemoKeyIsWritten() {
        String configured = MasterKey.generate(new SecureRandom()).toBase64();

        embedded().withPropertyValues("vjt.vault.master-key=" + configured).run(context -> {
            assertThat(context).hasNotFailed();
            PersonalDataVault vault = context.getBean(PersonalDataVault.class);
            Sealed sealed = vault.seal(PersonId.newId(), "07700 900123");
            assertThat(vault.open(sealed)).contains("07700 900123");
        });
        assertThat(dataDirectory.resolve(MasterKeySource.DEMO_KEY_FILE)).doesNotExist();
    }

    @Test
    void aMalformedMasterKeyStopsStartUpWithoutEchoingIt() {
        embedded().withPropertyValues("vjt.vault.master-key=c2hvcnQ=").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("decodes to 5 bytes")
                        .hasMessageNotContaining("c2hvcnQ="));
    }

    @Test
    void aKeyCacheTtlOverAMinuteIsRefused() {
        embedded().withPropertyValues("vjt.vault.key-cache-ttl=61s").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("key-cache-ttl must be between 0 and 60s"));
    }
}
