package uk.london.victims.application.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;

import uk.london.victims.domain.people.PersonId;

/** The vault's key handling without a store: wrapping person keys, and what a wrong master key does. */
class VaultCryptoTest {

    private final SecureRandom random = new SecureRandom();
    private final PersonId person = new PersonId("person-0001");

    @Test
    void aWrappedKeyUnwrapsWithItsMasterKey() throws Exception {
        MasterKey master = MasterKey.generate(random);
        SecretKey dataKey = dataKey();

        byte[] wrapped = master.wrap(person, dataKey, random);

        assertThat(master.unwrap(person, wrapped, master.id()).getEncoded()).isEqualTo(dataKey.getEncoded());
        // ISO-8859-1 maps each byte to one char, so this is a byte-for-byte search.
        assertThat(new String(wrapped, StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(dataKey.getEncoded(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void anotherMasterKeyFailsClearlyInsteadOfYieldingAKey() throws Exception {
        MasterKey original = MasterKey.generate(random);
        MasterKey other = MasterKey.generate(random);
        byte[] wrapped = original.wrap(person, dataKey(), random);

        assertThatThrownBy(() -> other.unwrap(person, wrapped, original.id()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrapped with master key " + original.id())
                .hasMessageContaining("VJT_VAULT_MASTER_KEY");
        // Even without the stored id to compare, the key does not authenticate.
        assertThatThrownBy(() -> other.unwrap(person, wrapped, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("master key");
    }

    @Test
    void aWrappedKeyCannotBeMovedToAnotherPerson() throws Exception {
        MasterKey master = MasterKey.generate(random);
        byte[] wrapped = master.wrap(person, dataKey(), random);

        assertThatThrownBy(() -> master.unwrap(new PersonId("person-0002"), wrapped, master.id()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("person-0002");
    }

    @Test
    void aMasterKeyIsNamedByAStableIdThatIsNotTheKey() {
        MasterKey master = MasterKey.generate(random);
        MasterKey same = MasterKey.fromBase64(master.toBase64(), "test");

        assertThat(same.id()).isEqualTo(master.id()).hasSize(16);
        assertThat(master.toBase64()).doesNotContain(master.id());
        assertThat(master.toString()).isEqualTo("MasterKey[id=" + master.id() + "]");
        assertThat(MasterKey.generate(random).id()).isNotEqualTo(master.id());
    }

    @Test
    void aMasterKeyMustBe32BytesOfBase64AndTheMessageNeverRepeatsIt() {
        String tooShort = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> MasterKey.fromBase64(tooShort, "VJT_VAULT_MASTER_KEY"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("decodes to 16 bytes")
                .hasMessageNotContaining(tooShort);
        assertThatThrownBy(() -> MasterKey.fromBase64("correct horse battery staple", "VJT_VAULT_MASTER_KEY"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not valid base64")
                .hasMessageNotContaining("horse");
    }

    @Test
    void aesGcmRefusesAnotherKeyOrOtherAssociatedData() throws Exception {
        SecretKey key = dataKey();
        byte[] aad = "person-0001".getBytes(StandardCharsets.UTF_8);
        byte[] blob = AesGcm.encrypt(key, "Zoë".getBytes(StandardCharsets.UTF_8), aad, random);

        assertThat(AesGcm.decrypt(key, blob, aad)).hasValueSatisfying(p ->
                assertThat(new String(p, StandardCharsets.UTF_8)).isEqualTo("Zoë"));
        assertThat(AesGcm.decrypt(dataKey(), blob, aad)).isEmpty();
        assertThat(AesGcm.decrypt(key, blob, "person-0002".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(AesGcm.decrypt(key, new byte[5], aad)).isEmpty();
    }

    private SecretKey dataKey() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256, random);
        return generator.generateKey();
    }
}
