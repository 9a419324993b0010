package dev.commonhold.fund.accounts.domain;

import java.util.UUID;

/**
 * A unit's sub-account (分户账, rule F2): the part of the community's fund that belongs to that
 * unit's owner, whoever owns it now (F9: it moves with the unit on a sale).
 *
 * @param initialDepositFen what rule F1 asks of this unit, the measure of the top-up line (F3)
 * @param balanceFen        never below zero
 */
public record SubAccount(UUID unitId, UUID communityId, long initialDepositFen, long balanceFen, DepositState depositState, boolean closed) {

    public enum DepositState { DUE, DEMANDED, PAID, IMPORTED }

    /**
     * Rule F3: strictly below 30% of the initial deposit (exactly 30% is not), compared exactly as
     * {@code balance × 10 < initial × 3}. A unit with no deposit yet due (initial 0) never is.
     */
    public boolean belowTopUpLine() {
        return !closed && Math.multiplyExact(balanceFen, 10) < Math.multiplyExact(initialDepositFen, 3);
    }

    /** What brings the balance back to the initial deposit: the top-up demanded when below the line. */
    public long topUpFen() {
        return Math.max(0, initialDepositFen - balanceFen);
    }
}
