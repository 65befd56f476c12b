package io.tiktimer.tiktok;

import io.tiktimer.tiktok.service.TokenCipher;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Key rotation and tamper resistance of the token encryption, without the application. */
class TokenCipherTest {

    private static final String OLD = "2026a:" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String NEW = "2026b:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void rotationReadsOldCiphertextsAndSealsNewOnesWithTheActiveKey() {
        TokenCipher before = new TokenCipher(OLD, "2026a");
        byte[] sealedWithOld = before.encrypt("act.secret", "aad");

        TokenCipher after = new TokenCipher(OLD + "," + NEW, "2026b");
        assertThat(after.decrypt(sealedWithOld, "aad")).isEqualTo("act.secret");
        byte[] resealed = after.encrypt(after.decrypt(sealedWithOld, "aad"), "aad");
        assertThat(TokenCipher.keyIdOf(sealedWithOld)).isEqualTo("2026a");
        assertThat(TokenCipher.keyIdOf(resealed)).isEqualTo("2026b");

        TokenCipher oldKeyRetired = new TokenCipher(NEW, "2026b");
        assertThat(oldKeyRetired.decrypt(resealed, "aad")).isEqualTo("act.secret");
        assertThatThrownBy(() -> oldKeyRetired.decrypt(sealedWithOld, "aad")).hasMessageContaining("2026a");
    }

    @Test
    void aCiphertextMovedToAnotherAccountOrTamperedWithDoesNotDecrypt() {
        TokenCipher cipher = new TokenCipher(OLD, "2026a");
        byte[] sealed = cipher.encrypt("rft.secret", "refresh/alice");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "refresh/bob")).isInstanceOf(IllegalStateException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed, "refresh/alice")).isInstanceOf(IllegalStateException.class);
        assertThat(cipher.encrypt("same", "x")).isNotEqualTo(cipher.encrypt("same", "x")); // fresh nonce each time
    }

    @Test
    void misconfiguredKeysFailAtStartUp() {
        assertThatThrownBy(() -> new TokenCipher(OLD, "missing")).hasMessageContaining("active-key-id");
        assertThatThrownBy(() -> new TokenCipher("k:" + Base64.getEncoder().encodeToString(new byte[7]), "k"))
                .hasMessageContaining("16, 24 or 32");
        assertThatThrownBy(() -> new TokenCipher("no-colon", "k")).hasMessageContaining("kid:base64key");
    }
}
