package dev.commonhold.billing.channels.app;

/** A notification that failed verification (forged, stale, another merchant's): logged, kept, answered with a failure. */
public class RejectedNotification extends RuntimeException {

    public RejectedNotification(String reason) {
        super(reason);
    }
}
