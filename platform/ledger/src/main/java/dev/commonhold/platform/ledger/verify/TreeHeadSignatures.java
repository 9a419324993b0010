package dev.commonhold.platform.ledger.verify;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/**
 * Ed25519 (RFC 8032) signatures over a tree head's canonical bytes: the operator signs each closed
 * month's head, the owners' committee countersigns it as witness, so neither can show residents a
 * history the other has not seen.
 */
public final class TreeHeadSignatures {

    private TreeHeadSignatures() {
    }

    public static byte[] sign(TreeHead head, PrivateKey key) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(key);
            ed.update(head.canonical());
            return ed.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key (an Ed25519 private key is needed): " + e.getMessage(), e);
        }
    }

    /** @return false for a wrong signature, a wrong key or a head that was changed after signing */
    public static boolean verify(TreeHead head, byte[] signature, PublicKey key) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(key);
            ed.update(head.canonical());
            return signature != null && ed.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
