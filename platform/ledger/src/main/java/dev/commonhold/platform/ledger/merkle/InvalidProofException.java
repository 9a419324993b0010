package dev.commonhold.platform.ledger.merkle;

/** A Merkle proof that does not hold, with the reason in words. */
public class InvalidProofException extends RuntimeException {

    public InvalidProofException(String message) {
        super(message);
    }
}
