package dev.commonhold.trust.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.util.List;

/**
 * After every test that runs the trust service: every ledger's trial balance is zero, every
 * account's balance is the sum of its postings, and every entry balances — whatever the test did.
 * Registered for all tests of this module (src/test/resources/META-INF/services).
 */
public class BooksBalanceAfterEachTest implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getRequiredTestClass().getAnnotation(dev.commonhold.platform.testkit.spring.IntegrationTest.class) == null) {
            return;
        }
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        List<String> problems = problems(spring.getBean(JdbcTemplate.class));
        if (!problems.isEmpty()) {
            throw new AssertionError("the books no longer hold after " + context.getDisplayName() + ": " + problems);
        }
    }

    /** What no longer holds, ledger by ledger; empty when the books are sound. */
    public static List<String> problems(JdbcTemplate jdbc) {
        List<String> unbalanced = jdbc.queryForList("""
                SELECT ledger_id || ': trial balance ' || sum(balance_fen) FROM ledger_account GROUP BY ledger_id HAVING sum(balance_fen) <> 0""",
                String.class);
        List<String> drifted = jdbc.queryForList("""
                SELECT a.ledger_id || ' ' || a.code || ': balance ' || a.balance_fen || ' but postings sum to ' || coalesce(p.total, 0)
                FROM ledger_account a LEFT JOIN (SELECT ledger_id, account_code, sum(amount_fen) AS total FROM journal_posting
                                                 GROUP BY ledger_id, account_code) p ON p.ledger_id = a.ledger_id AND p.account_code = a.code
                WHERE a.balance_fen <> coalesce(p.total, 0)""", String.class);
        List<String> entries = jdbc.queryForList("""
                SELECT entry_id || ': postings sum to ' || sum(amount_fen) FROM journal_posting GROUP BY entry_id HAVING sum(amount_fen) <> 0""",
                String.class);
        List<String> problems = new java.util.ArrayList<>(unbalanced);
        problems.addAll(drifted);
        problems.addAll(entries);
        return problems;
    }
}
