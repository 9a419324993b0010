package dev.commonhold.fund.accounts.domain;

import dev.commonhold.platform.ledger.Account;

import java.util.List;

/**
 * A community's fund as a ledger: the bank account the money is held in and what the fund owes
 * the owners, unit by unit (2101 is the control account of the sub-accounts: their sum is its balance).
 */
public final class FundChart {

    public static final String BANK = "1002";
    public static final String OWNERS = "2101";
    public static final String CONTRACTORS = "2202";

    public static final List<Account> ACCOUNTS = List.of(
            new Account(BANK, "银行存款（维修资金专户）Bank: the fund's account", Account.Type.ASSET),
            new Account(OWNERS, "业主分户维修资金 Owners' sub-accounts", Account.Type.LIABILITY),
            new Account(CONTRACTORS, "应付施工单位 Payable to contractors", Account.Type.LIABILITY));

    private FundChart() {
    }
}
