package dev.commonhold.trust.transparency.app;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A configured operator key (TRUST_OPERATOR_SIGNING_KEY) gives back its own public half: what it signs, that verifies. */
class OperatorKeyTest {

    @Test
    void theConfiguredPrivateKeyAndTheDerivedPublicKeyBelongTogether() throws Exception {
        KeyPair made = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        OperatorKey key = new OperatorKey(null, Base64.getEncoder().encodeToString(made.getPrivate().getEncoded()));

        KeyPair loaded = key.get();

        assertThat(loaded.getPublic().getEncoded()).isEqualTo(made.getPublic().getEncoded());
        Signature ed = Signature.getInstance("Ed25519");
        ed.initSign(loaded.getPrivate());
        ed.update(new byte[]{1, 2, 3});
        byte[] signature = ed.sign();
        ed.initVerify(made.getPublic());
        ed.update(new byte[]{1, 2, 3});
        assertThat(ed.verify(signature)).isTrue();
    }

    @Test
    void aKeyThatIsNotOneIsRefusedAtOnce() {
        assertThatThrownBy(() -> new OperatorKey(null, "bm90IGEga2V5").get()).hasMessageContaining("TRUST_OPERATOR_SIGNING_KEY");
    }
}
