package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.Ports;
import dev.commonhold.platform.testkit.postgres.BaseBackup;
import dev.commonhold.platform.testkit.postgres.EmbeddedPostgresServer;
import dev.commonhold.platform.testkit.postgres.PostgresServer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backup and restore (issue 17; README, "Backup and restore"): the trust account's database is backed
 * up while it posts, more settlements are posted after the backup, then the database is lost. Restored
 * from the backup into a fresh PostgreSQL, with the service's consumer group set back to the offsets
 * recorded with the backup, the service replays what it missed from Kafka: every settlement is in the
 * books exactly once, the books balance and the journal verifier passes.
 */
@org.junit.jupiter.api.Order(0) // before the shared demo stack starts (DemoStack): never two stacks at once
class RestoreFromBackupIT {

    private static final int BEFORE_BACKUP = 400;
    private static final int AFTER_BACKUP = 600;
    private static final String GROUP = "trust-account"; // the service's consumer group: its application name

    @Test
    void aDatabaseRestoredFromBackupReplaysWhatItMissedFromKafkaAndTheJournalVerifies() throws Exception {
        Assumptions.assumeTrue(Infra.postgres() instanceof EmbeddedPostgresServer,
                "the base backup copies the server's data directory on this machine; in a container it is pg_basebackup (README)");
        PostgresServer postgres = Infra.postgres();
        String database = "trustrestore_" + UUID.randomUUID().toString().substring(0, 8);
        Path logs = Files.createDirectories(Path.of("target", "restore-logs"));
        Services.Spec spec = spec(postgres, database);
        Databases.prepare(postgres, database, List.of(spec));
        UUID community = UUID.randomUUID();
        TrustBooks books = new TrustBooks(postgres, database);

        ServiceProcess trust = ServiceProcess.start(spec, logs);
        Map<TopicPartition, OffsetAndMetadata> offsets;
        BaseBackup backup;
        try {
            trust.awaitReady(Duration.ofMinutes(2));
            // The community first, as in life: its register is known long before anyone pays in it.
            TrustBooks.community(community);
            books.await("SELECT count(*) FROM trust_account.community WHERE id = '" + community + "'", n -> n == 1, "target/restore-logs/trust-account.log");
            TrustBooks.settle(community, 1, BEFORE_BACKUP);
            books.awaitEntries(n -> n == BEFORE_BACKUP, "target/restore-logs/trust-account.log");
            offsets = ConsumerGroups.committed(GROUP); // first: committed after their transactions, never ahead of the database
            backup = BaseBackup.take(postgres, Files.createTempDirectory("trust-backup"));
            TrustBooks.settle(community, BEFORE_BACKUP + 1, BEFORE_BACKUP + AFTER_BACKUP);
            books.awaitEntries(n -> n == BEFORE_BACKUP + AFTER_BACKUP, "target/restore-logs/trust-account.log");
        } finally {
            trust.close(); // the disaster: the database is gone; the service is stopped to restore it
        }

        try (EmbeddedPostgresServer fresh = backup.start(Ports.free(), logs.resolve("restored-postgres.log"))) {
            TrustBooks restored = new TrustBooks(fresh, database);
            assertThat(restored.entries()).as("the restored database is the backup's: what came after is missing").isEqualTo(BEFORE_BACKUP);
            ConsumerGroups.reset(GROUP, offsets); // kafka-consumer-groups.sh --reset-offsets --from-file, as README does
            ServiceProcess again = ServiceProcess.start(spec(fresh, database), logs);
            try {
                again.awaitReady(Duration.ofMinutes(2));
                restored.awaitEntries(n -> n == BEFORE_BACKUP + AFTER_BACKUP, "target/restore-logs/trust-account.log");
                Thread.sleep(2_000); // anything replayed twice would land now

                long all = BEFORE_BACKUP + AFTER_BACKUP;
                assertThat(restored.entries()).isEqualTo(all);
                assertThat(restored.count("SELECT count(DISTINCT source) FROM trust_account.journal_entry")).isEqualTo(all);
                assertThat(restored.count("SELECT coalesce(sum(balance_fen), 0) FROM trust_account.ledger_account")).as("trial balance").isZero();
                assertThat(restored.count("SELECT balance_fen FROM trust_account.ledger_account WHERE code = '1002'")).isEqualTo(all * (all + 1) / 2 * 10);
                assertThat(restored.verify(all)).isEmpty();
            } finally {
                again.close();
            }
        }
    }

    private static Services.Spec spec(PostgresServer postgres, String database) {
        return Services.trustAccount(RepoRoot.locate(), new Services.Infrastructure(postgres.jdbcUrl(database),
                Infra.kafka().bootstrapServers(), Infra.tokens().issuerUri()), Ports.free());
    }
}
