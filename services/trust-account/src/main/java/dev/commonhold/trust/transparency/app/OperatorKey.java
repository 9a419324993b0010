package dev.commonhold.trust.transparency.app;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The operator's Ed25519 key that signs every closed month's tree head. On a server it is given
 * (TRUST_OPERATOR_SIGNING_KEY: base64 PKCS#8, its public half published where residents can
 * compare it); without one (local stack, tests) a key is made once and kept in the database.
 */
@Component
public class OperatorKey {

    private final Signatures signatures;
    private final String configured;
    private volatile KeyPair key;

    OperatorKey(Signatures signatures, @Value("${trust.operator-signing-key:}") String configured) {
        this.signatures = signatures;
        this.configured = configured;
    }

    public KeyPair get() {
        KeyPair k = key;
        if (k == null) {
            k = configured.isBlank() ? storedOrNew() : parse(configured);
            key = k;
        }
        return k;
    }

    private KeyPair storedOrNew() {
        return signatures.storedOperatorKey().orElseGet(() -> {
            try {
                signatures.storeOperatorKey(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
                return signatures.storedOperatorKey().orElseThrow();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this Java has no Ed25519", e);
            }
        });
    }

    private static KeyPair parse(String base64) {
        try {
            KeyFactory ed = KeyFactory.getInstance("Ed25519");
            EdECPrivateKey priv = (EdECPrivateKey) ed.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
            byte[] seed = priv.getBytes().orElseThrow();
            // The public half follows from the private key: sign nothing, derive through a generator seeded with it.
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, new FixedSeed(seed));
            KeyPair derived = generator.generateKeyPair();
            return new KeyPair(derived.getPublic(), priv);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("TRUST_OPERATOR_SIGNING_KEY is not a base64 PKCS#8 Ed25519 private key", e);
        }
    }

    /** Hands the generator the private key's own 32 bytes, so it makes the same key and its public half. */
    private static final class FixedSeed extends java.security.SecureRandom {
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
