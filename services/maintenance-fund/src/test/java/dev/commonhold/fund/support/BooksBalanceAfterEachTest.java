package dev.commonhold.fund.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import dev.commonhold.platform.ledger.verify.LedgerInvariants;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.util.List;

/**
 * After every test that runs the fund: every ledger's trial balance is zero, every account's
 * balance is the sum of its postings, every entry balances, and each community's sub-accounts sum to
 * its ledger's 2101 (what the fund owes the owners) — whatever the test did.
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

    /** What no longer holds: the platform's ledger invariants, then each community's sub-accounts against its 2101 and their movements. */
    public static List<String> problems(JdbcTemplate jdbc) {
        List<String> problems = new java.util.ArrayList<>(LedgerInvariants.problems(jdbc));
        problems.addAll(jdbc.queryForList("""
                SELECT c.id || ': sub-accounts sum to ' || coalesce(s.total, 0) || ' fen but 2101 owes the owners ' || coalesce(-a.balance_fen, 0)
                FROM community c
                LEFT JOIN (SELECT community_id, sum(balance_fen) AS total FROM sub_account GROUP BY community_id) s ON s.community_id = c.id
                LEFT JOIN ledger_account a ON a.ledger_id = c.id AND a.code = '2101'
                WHERE coalesce(s.total, 0) <> coalesce(-a.balance_fen, 0)""", String.class));
        problems.addAll(jdbc.queryForList("""
                SELECT s.unit_id || ': balance ' || s.balance_fen || ' but movements sum to ' || coalesce(m.total, 0)
                FROM sub_account s LEFT JOIN (SELECT unit_id, sum(amount_fen) AS total FROM movement GROUP BY unit_id) m ON m.unit_id = s.unit_id
                WHERE s.balance_fen <> coalesce(m.total, 0)""", String.class));
        return problems;
    }
}
