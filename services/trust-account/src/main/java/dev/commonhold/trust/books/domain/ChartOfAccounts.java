package dev.commonhold.trust.books.domain;

import dev.commonhold.platform.ledger.Account;
import dev.commonhold.platform.ledger.Account.Type;

import java.util.List;

/**
 * The chart of accounts (会计科目) every community's trust account opens with: the co-managed bank
 * account and money on its way there, what is held for others, the owners' equity, income by
 * revenue class and expenses by category. Codes follow the Chinese enterprise chart's numbering
 * (1 assets, 2 liabilities, 3 equity, 4 income, 5 expenses).
 */
public final class ChartOfAccounts {

    public static final String BANK = "1002";
    public static final String IN_TRANSIT = "1012";
    public static final String RECEIVABLES = "1122";
    public static final String PAYABLE_MERCHANTS = "2201";
    public static final String PAYABLE_GOVERNMENT = "2202";
    public static final String PREPAID_FEES = "2203";
    public static final String PAYABLE_OPERATOR = "2204";
    public static final String PAYABLE_MAINTENANCE_FUND = "2205";
    public static final String PAYABLE_OPERATOR_REVENUE = "2206";
    public static final String SUSPENSE = "2241";
    public static final String DEPOSITS_HELD = "2301";
    public static final String OWNERS_EQUITY = "3001";
    public static final String INCOME_PROPERTY_FEES = "4101";
    public static final String INCOME_PARKING_COMMON = "4102";
    public static final String INCOME_LEASING_COMMON = "4103";
    public static final String INCOME_ADVERTISING = "4104";
    public static final String INCOME_COMMERCE_COMMISSION = "4105";
    public static final String INCOME_INTEREST = "4106";
    public static final String INCOME_FRANCHISE_SHARE = "4107";
    public static final String REMUNERATION = "5101";
    public static final String BANK_CHARGES = "5109";

    public static final List<Account> TEMPLATE = List.of(
            new Account(BANK, "银行存款（共管账户）", Type.ASSET),
            new Account(IN_TRANSIT, "在途资金（支付渠道待结算）", Type.ASSET),
            new Account(RECEIVABLES, "应收款项", Type.ASSET),
            new Account(PAYABLE_MERCHANTS, "应付商户款", Type.LIABILITY),
            new Account(PAYABLE_GOVERNMENT, "代收代付（政府）", Type.LIABILITY),
            new Account(PREPAID_FEES, "预收物业费", Type.LIABILITY),
            new Account(PAYABLE_OPERATOR, "应付物业服务酬金", Type.LIABILITY),
            new Account(PAYABLE_MAINTENANCE_FUND, "应付专项维修资金", Type.LIABILITY),
            new Account(PAYABLE_OPERATOR_REVENUE, "应付物业服务企业经营收入", Type.LIABILITY),
            new Account(SUSPENSE, "暂挂款（待查明）", Type.LIABILITY),
            new Account(DEPOSITS_HELD, "代管押金", Type.LIABILITY),
            new Account(OWNERS_EQUITY, "全体业主权益", Type.EQUITY),
            new Account(INCOME_PROPERTY_FEES, "物业费收入", Type.INCOME),
            new Account(INCOME_PARKING_COMMON, "公共车位停车收入", Type.INCOME),
            new Account(INCOME_LEASING_COMMON, "共有部分租赁收入", Type.INCOME),
            new Account(INCOME_ADVERTISING, "广告收入", Type.INCOME),
            new Account(INCOME_COMMERCE_COMMISSION, "经营佣金收入", Type.INCOME),
            new Account(INCOME_INTEREST, "利息收入", Type.INCOME),
            new Account(INCOME_FRANCHISE_SHARE, "特许经营收益分成收入", Type.INCOME),
            new Account(REMUNERATION, "物业服务酬金", Type.EXPENSE),
            new Account("5102", "保洁费", Type.EXPENSE),
            new Account("5103", "秩序维护费", Type.EXPENSE),
            new Account("5104", "绿化养护费", Type.EXPENSE),
            new Account("5105", "维修养护费", Type.EXPENSE),
            new Account("5106", "公共能耗费", Type.EXPENSE),
            new Account("5107", "保险费", Type.EXPENSE),
            new Account("5108", "转入专项维修资金", Type.EXPENSE),
            new Account(BANK_CHARGES, "银行手续费", Type.EXPENSE),
            new Account("5199", "其他支出", Type.EXPENSE));

    private ChartOfAccounts() {
    }
}
