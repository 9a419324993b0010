package dev.commonhold.billing.reconciliation.domain;

/**
 * One row of a channel's or the bank's statement (对账单), reduced to what matching needs.
 *
 * @param row           the row's line number in the file, for the person resolving an exception
 * @param transactionId WeChat 微信订单号, Alipay 支付宝交易号, or the bank's 交易流水号
 * @param amountFen     converted exactly from the statement's yuan
 * @param refund        a refund row (WeChat REFUND, Alipay 退款): not a payment to match
 */
public record StatementLine(int row, String transactionId, String outTradeNo, long amountFen, boolean refund) {
}
