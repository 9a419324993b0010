package dev.commonhold.trust.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import dev.commonhold.platform.ledger.verify.LedgerInvariants;
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
        return LedgerInvariants.problems(jdbc);
    }
}
