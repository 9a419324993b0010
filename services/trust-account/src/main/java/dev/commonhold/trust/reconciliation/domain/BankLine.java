package dev.commonhold.trust.reconciliation.domain;

import java.time.LocalDate;

/**
 * One line of the co-managed account's bank statement (银行对账单), as the bank printed it.
 *
 * @param row          the line of the file it came from (1 is the header), for error messages
 * @param amountFen    fen; &gt; 0 money into the account (贷方/收入), &lt; 0 out of it (借方/支出)
 * @param balanceFen   the account's balance after this line, fen
 * @param reference    the bank's own number for the line (流水号), unique within the account
 * @param counterparty who paid or was paid (对方户名), when the bank gives it
 */
public record BankLine(int row, LocalDate valueDate, String description, long amountFen, long balanceFen, String reference, String counterparty) {

    /** The balance just before this line. */
    public long balanceBeforeFen() {
        return balanceFen - amountFen;
    }
}
