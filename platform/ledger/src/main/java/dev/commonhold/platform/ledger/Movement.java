package dev.commonhold.platform.ledger;

import java.util.UUID;

/**
 * One posting to one account, with what a reconciliation needs of its entry: when it was posted,
 * what it says and what caused it.
 *
 * @param postedAtMicros the entry's posting time, microseconds since the epoch
 * @param amountFen      fen; &gt; 0 a debit (into a bank account), &lt; 0 a credit (out of it)
 */
public record Movement(UUID entryId, long sequence, long postedAtMicros, String description, String source, long amountFen) {
}
