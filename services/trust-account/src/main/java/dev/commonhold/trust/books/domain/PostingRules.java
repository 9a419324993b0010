package dev.commonhold.trust.books.domain;

import java.util.Map;

/**
 * Where a settled payment goes in the owners' books, by revenue class (DESIGN.md, "Charges and
 * revenue classes"): the money is debited to the co-managed account and credited to
 * the owners' income (T1), held for others (a pass-through payable, a deposit) or not posted at all
 * when it is not the owners' (the operator's franchise revenue, the maintenance fund's deposits,
 * property fees under a lump-sum contract, T2). A late fee follows its base class. A class this list
 * does not know is posted to suspense for someone to resolve — never dropped.
 */
public final class PostingRules {

    /** What to do with one settled line. */
    public sealed interface Rule permits Post, NotOwners, Suspense {
    }

    /** Debit the co-managed account, credit this one. */
    public record Post(String creditAccount) implements Rule {
    }

    /**
     * Not the owners' money: recorded as seen, not posted — unless it was paid from a household's
     * credit the owners' account holds (预收), when that credit moves to what the account owes
     * {@code payable} (the operator, the maintenance fund).
     */
    public record NotOwners(String whose, String payable) implements Rule {
    }

    /** Unknown class: debit the co-managed account, credit suspense, and tell someone. */
    public record Suspense(String revenueClass) implements Rule {
    }

    private static final Map<String, Rule> BY_CLASS = Map.ofEntries(
            Map.entry("parking_common", new Post(ChartOfAccounts.INCOME_PARKING_COMMON)),
            Map.entry("lease_common_part", new Post(ChartOfAccounts.INCOME_LEASING_COMMON)),
            Map.entry("advertising_common", new Post(ChartOfAccounts.INCOME_ADVERTISING)),
            Map.entry("commerce_commission", new Post(ChartOfAccounts.INCOME_COMMERCE_COMMISSION)),
            Map.entry("lease_public_space", new Post(ChartOfAccounts.PAYABLE_GOVERNMENT)),
            Map.entry("franchise_revenue_share", new Post(ChartOfAccounts.INCOME_FRANCHISE_SHARE)),
            Map.entry("franchise_government_share", new Post(ChartOfAccounts.PAYABLE_GOVERNMENT)),
            Map.entry("merchant_proceeds", new Post(ChartOfAccounts.PAYABLE_MERCHANTS)),
            Map.entry("deposit", new Post(ChartOfAccounts.DEPOSITS_HELD)),
            Map.entry("parking_operator", new NotOwners("the operator's (franchise revenue)", ChartOfAccounts.PAYABLE_OPERATOR_REVENUE)),
            Map.entry("lease_operator_space", new NotOwners("the operator's (franchise revenue)", ChartOfAccounts.PAYABLE_OPERATOR_REVENUE)),
            Map.entry("commerce_operator_commission", new NotOwners("the operator's (its share of a commerce commission)", ChartOfAccounts.PAYABLE_OPERATOR_REVENUE)),
            Map.entry("fund_deposit", new NotOwners("the unit owner's maintenance fund sub-account", ChartOfAccounts.PAYABLE_MAINTENANCE_FUND)));

    private PostingRules() {
    }

    /**
     * @param revenueClass     the settled line's class
     * @param baseRevenueClass for a late fee, the class of what was late; otherwise null
     * @param trustModel       the community runs on the remuneration/trust model (T2); false for lump-sum
     */
    public static Rule forClass(String revenueClass, String baseRevenueClass, boolean trustModel) {
        if ("late_fee".equals(revenueClass)) {
            return baseRevenueClass == null || "late_fee".equals(baseRevenueClass) ? new Suspense("late_fee without a base class")
                    : forClass(baseRevenueClass, null, trustModel);
        }
        if ("property_fee".equals(revenueClass)) {
            return trustModel ? new Post(ChartOfAccounts.INCOME_PROPERTY_FEES) : new NotOwners("the operator's under a lump-sum contract (T2)", ChartOfAccounts.PAYABLE_OPERATOR_REVENUE);
        }
        Rule rule = BY_CLASS.get(revenueClass);
        return rule != null ? rule : new Suspense(revenueClass);
    }
}
