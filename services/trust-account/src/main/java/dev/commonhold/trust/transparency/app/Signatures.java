package dev.commonhold.trust.transparency.app;

import java.security.KeyPair;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Keys and signatures on tree heads, as stored. Keys are X.509 / PKCS#8 encodings of Ed25519 keys. */
public interface Signatures {

    /** One signature on a month's head: the operator's or a committee member's countersignature. */
    record HeadSignature(String signer, String signerName, byte[] publicKey, byte[] signature) {
    }

    Optional<KeyPair> storedOperatorKey();

    void storeOperatorKey(KeyPair key);

    void registerMemberKey(UUID communityId, UUID memberId, byte[] publicKey);

    Optional<byte[]> memberKey(UUID communityId, UUID memberId);

    /** @return false when that signer had signed that head already */
    boolean sign(UUID communityId, YearMonth period, HeadSignature signature);

    List<HeadSignature> of(UUID communityId, YearMonth period);
}
