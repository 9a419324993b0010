package dev.commonhold.commerce.merchants.domain;

import dev.commonhold.platform.ids.CreditCode;

import java.util.UUID;

/**
 * A merchant (商户) selling through the community: a canteen, a locker operator, a home-care or repair
 * business — or the operator itself.
 *
 * @param licenceNumber       unified social credit code (统一社会信用代码), check character verified
 * @param settlementAccount   the bank account its settlements are paid to
 * @param settlementDelayDays N of T+N: a day's sales are settled N days later at the earliest
 * @param login               the merchant's sign-in name (a user with the merchant role), or null
 */
public record Merchant(UUID id, UUID communityId, String name, String licenceNumber, String settlementBank, String settlementAccount,
                       int settlementDelayDays, String login, CommissionTerms commission) {

    public Merchant {
        if (!CreditCode.valid(licenceNumber)) {
            throw new InvalidRequest("licenceNumber", "must be the 18-character unified social credit code (统一社会信用代码), check character included");
        }
        if (settlementDelayDays < 0 || settlementDelayDays > 30) {
            throw new InvalidRequest("settlementDelayDays", "must be 0 to 30 (T+N)");
        }
    }

    /** What anyone but the operator's staff and the merchant sees of the account: its last four digits. */
    public String maskedAccount() {
        return settlementAccount.length() <= 4 ? settlementAccount : "****" + settlementAccount.substring(settlementAccount.length() - 4);
    }
}
