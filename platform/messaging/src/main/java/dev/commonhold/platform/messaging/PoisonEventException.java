package dev.commonhold.platform.messaging;

/**
 * A message that can never be processed however often it is retried (not an envelope, payload
 * against its contract): it goes straight to {@code <topic>.dlt} with this message as the reason.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
