package dev.commonhold.billing.invoicing.app;

import java.util.UUID;

/** Port: charges waiting for their payer to appear, and cancelled charges. */
public interface HeldCharges {

    void hold(ChargeIntake.Charge charge, String sourceType, String rawPayload, String reason);

    /** Records the cancellation and cancels the charge's open line, if any; paid amounts become the payer's credit. */
    void cancel(UUID chargeId, String reason);

    boolean cancelled(UUID chargeId);
}
