package dev.commonhold.billing.invoicing.app;

import java.util.UUID;

/** Port: charges waiting for their payer to appear, and cancelled charges. */
public interface HeldCharges {

    /** A charge waiting for its payer, as received. */
    record Held(java.util.UUID chargeId, java.util.UUID communityId, String sourceType, ChargeIntake.Charge charge, String reason,
                java.time.Instant receivedAt) {
    }

    /** The oldest charges still waiting, up to {@code limit}. */
    java.util.List<Held> waiting(int limit);

    java.util.List<Held> ofCommunity(java.util.UUID communityId);

    void released(java.util.UUID chargeId);

    void hold(ChargeIntake.Charge charge, String sourceType, String rawPayload, String reason);

    /** Records the cancellation and cancels the charge's open line, if any; paid amounts become the payer's credit. */
    void cancel(UUID chargeId, String reason);

    boolean cancelled(UUID chargeId);
}
