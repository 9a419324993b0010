package dev.commonhold.fund.accounts.app;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Port: what the fund asks billing to collect (fund.charge-raised.v1, revenue class fund_deposit), and what came in. */
public interface FundCharges {

    enum Kind { INITIAL_DEPOSIT, TOP_UP, SHORTFALL, CONTRIBUTION }

    /** @param projectId for a shortfall: the project whose share the sub-account could not cover */
    record Charge(UUID id, UUID communityId, UUID unitId, Kind kind, long amountFen, long settledFen, UUID projectId) {
        public long openFen() {
            return amountFen - settledFen;
        }
    }

    /**
     * Raises it and publishes it for billing, once: a second initial deposit, or a second open
     * top-up of a unit (rule F3), is not raised.
     *
     * @return whether it was raised
     */
    boolean raise(Charge charge, String payerReference, String payerName, String description, LocalDate dueOn, Instant at);

    Optional<Charge> lock(UUID chargeId);

    /** Withdraws every charge of the unit not yet paid in full (fund.charge-cancelled.v1); what was paid of one becomes the payer's credit in billing. */
    int cancelOpen(UUID communityId, UUID unitId, String reason);

    void settled(UUID chargeId, long fen);
}
