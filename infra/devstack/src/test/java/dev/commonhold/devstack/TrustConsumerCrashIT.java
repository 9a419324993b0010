package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.Ports;
import dev.commonhold.platform.testkit.postgres.PostgresServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trust account killed with SIGKILL while it posts a backlog of settlements, then started
 * again: every settlement is in the books exactly once, the books balance and the journal
 * verifies. Trust-account runs as its own process from its jar, as in production.
 */
@org.junit.jupiter.api.Order(0) // before the shared demo stack starts (DemoStack): never two stacks at once
class TrustConsumerCrashIT {

    private static final int SETTLEMENTS = 3_000;

    @Test
    void aConsumerKilledMidBatchLosesNothingAndPostsNothingTwice() throws Exception {
        PostgresServer postgres = Infra.postgres();
        String database = "trustcrash_" + UUID.randomUUID().toString().substring(0, 8);
        Services.Spec spec = Services.trustAccount(RepoRoot.locate(), new Services.Infrastructure(postgres.jdbcUrl(database),
                Infra.kafka().bootstrapServers(), Infra.tokens().issuerUri()), Ports.free());
        Databases.prepare(postgres, database, List.of(spec));
        Path logs = Files.createDirectories(Path.of("target", "crash-logs"));
        TrustBooks books = new TrustBooks(postgres, database);
        UUID community = UUID.randomUUID();
        TrustBooks.community(community);
        TrustBooks.settle(community, 1, SETTLEMENTS);
        ServiceProcess trust = ServiceProcess.start(spec, logs);
        try {
            trust.awaitReady(Duration.ofMinutes(2));
            long midway = books.awaitEntries(n -> n > 0, "target/crash-logs/trust-account.log");
            trust.kill();
            long atKill = books.entries();
            assertThat(atKill).as("killed in the middle (%d when seen)", midway).isBetween(1L, SETTLEMENTS - 1L);

            trust = ServiceProcess.start(spec, logs);
            trust.awaitReady(Duration.ofMinutes(2));
            books.awaitEntries(n -> n == SETTLEMENTS, "target/crash-logs/trust-account.log");
            Thread.sleep(2_000); // anything redelivered after the restart would land now

            assertThat(books.entries()).isEqualTo(SETTLEMENTS);
            assertThat(books.count("SELECT count(DISTINCT source) FROM trust_account.journal_entry")).isEqualTo(SETTLEMENTS);
            assertThat(books.count("SELECT coalesce(sum(balance_fen), 0) FROM trust_account.ledger_account")).as("trial balance").isZero();
            assertThat(books.count("SELECT balance_fen FROM trust_account.ledger_account WHERE code = '1002'"))
                    .isEqualTo(SETTLEMENTS * (SETTLEMENTS + 1L) / 2 * 10);
            assertThat(books.verify(SETTLEMENTS)).isEmpty();
        } finally {
            trust.close();
        }
    }
}
