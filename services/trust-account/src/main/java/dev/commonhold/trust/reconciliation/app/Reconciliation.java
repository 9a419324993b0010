package dev.commonhold.trust.reconciliation.app;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The three-way reconciliation of one community's co-managed account on a day (三方对账), in fen:
 * the bank's balance, adjusted for what the bank and the books have not both shown yet, equals the
 * books' bank account (1002), which equals what the account holds for whom — the owners' fund,
 * deposits, money held for merchants and the government, suspense — less what is owed to it.
 *
 * @param openingBankFen   the bank's balance just before the first imported line
 * @param openingLedgerFen the books' bank account at the start of that day; a difference is older than the imports
 * @param heldFen          the sum of {@code held}: what the account should contain
 * @param adjustedBankFen  bank balance − lines not in the books + entries not in the bank
 * @param statementTo      the day of the last imported statement line
 * @param unresolved       differences nobody has posted or explained yet (entries after the statement wait for the next one)
 * @param agrees           adjusted bank = books = held
 */
public record Reconciliation(UUID communityId, LocalDate asOf, LocalDate from, LocalDate statementTo, long openingBankFen, long openingLedgerFen, long bankBalanceFen,
                             long ledgerBankFen, long heldFen, List<Held> held, int matchedLines, List<BankOnly> inBankNotInBooks,
                             List<BooksOnly> inBooksNotInBank, long adjustedBankFen, int unresolved, boolean agrees) {

    /** What part of the account is whose: positive held for someone, negative owed to the account (receivables, money in transit). */
    public record Held(String account, String name, long fen) {
    }

    /** A bank line no entry accounts for: a bank charge, interest, an unknown deposit, money taken without a payment request. */
    public record BankOnly(UUID lineId, LocalDate date, String reference, String description, String counterparty, long amountFen,
                           String resolution, UUID entryId, String note) {
    }

    /**
     * An entry of the bank account the bank has not shown: money on its way, a payment not yet
     * cleared. {@code afterStatement} when it moved after the last imported statement line — it waits
     * for the next statement and is not a difference to resolve.
     */
    public record BooksOnly(UUID entryId, long sequence, LocalDate date, String description, long amountFen, String note, boolean afterStatement) {
    }
}
