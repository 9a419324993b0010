package dev.commonhold.community.membership.domain;

/**
 * A well-formed code that binds nothing: unknown, expired, revoked or already used (422). Each
 * counts against the user's guessing limit ({@link GuessLimit}).
 */
public class CodeNotAccepted extends RuntimeException {

    public CodeNotAccepted(String message) {
        super(message);
    }
}
