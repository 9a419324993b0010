package dev.commonhold.platform.ledger.verify;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * What must hold in every ledger of a service's database, whatever happened: each ledger's trial
 * balance is zero, every account's balance is the sum of its postings, every entry balances. For
 * services to check after each test, and for an operator to run against a live database.
 */
public final class LedgerInvariants {

    private LedgerInvariants() {
    }

    /** What no longer holds, ledger by ledger; empty when the books are sound. */
    public static List<String> problems(JdbcTemplate jdbc) {
        List<String> problems = new ArrayList<>(jdbc.queryForList("""
                SELECT ledger_id || ': trial balance ' || sum(balance_fen) FROM ledger_account GROUP BY ledger_id HAVING sum(balance_fen) <> 0""",
                String.class));
        problems.addAll(jdbc.queryForList("""
                SELECT a.ledger_id || ' ' || a.code || ': balance ' || a.balance_fen || ' but postings sum to ' || coalesce(p.total, 0)
                FROM ledger_account a LEFT JOIN (SELECT ledger_id, account_code, sum(amount_fen) AS total FROM journal_posting
                                                 GROUP BY ledger_id, account_code) p ON p.ledger_id = a.ledger_id AND p.account_code = a.code
                WHERE a.balance_fen <> coalesce(p.total, 0)""", String.class));
        problems.addAll(jdbc.queryForList("""
                SELECT entry_id || ': postings sum to ' || sum(amount_fen) FROM journal_posting GROUP BY entry_id HAVING sum(amount_fen) <> 0""",
                String.class));
        return problems;
    }
}
