package dev.commonhold.devstack;

import dev.commonhold.platform.ledger.JournalEntry;
import dev.commonhold.platform.ledger.Posting;
import dev.commonhold.platform.ledger.verify.JournalVerifier;
import dev.commonhold.platform.messaging.EventEnvelope;
import dev.commonhold.platform.messaging.EventRecords;
import dev.commonhold.platform.messaging.EventSchemas;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.Ports;
import dev.commonhold.platform.testkit.kafka.TopicWriter;
import dev.commonhold.platform.testkit.postgres.PostgresServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        UUID community = UUID.randomUUID();
        publish(community);
        ServiceProcess trust = ServiceProcess.start(spec, logs);
        try {
            trust.awaitReady(Duration.ofMinutes(2));
            long midway = awaitEntries(postgres, database, n -> n > 0);
            trust.kill();
            long atKill = entries(postgres, database);
            assertThat(atKill).as("killed in the middle (%d when seen)", midway).isBetween(1L, SETTLEMENTS - 1L);

            trust = ServiceProcess.start(spec, logs);
            trust.awaitReady(Duration.ofMinutes(2));
            awaitEntries(postgres, database, n -> n == SETTLEMENTS);
            Thread.sleep(2_000); // anything redelivered after the restart would land now

            assertThat(entries(postgres, database)).isEqualTo(SETTLEMENTS);
            assertThat(count(postgres, database, "SELECT count(DISTINCT source) FROM trust_account.journal_entry")).isEqualTo(SETTLEMENTS);
            assertThat(count(postgres, database, "SELECT coalesce(sum(balance_fen), 0) FROM trust_account.ledger_account")).as("trial balance").isZero();
            assertThat(count(postgres, database, "SELECT balance_fen FROM trust_account.ledger_account WHERE code = '1002'"))
                    .isEqualTo(SETTLEMENTS * (SETTLEMENTS + 1L) / 2 * 10);
            assertThat(verify(postgres, database)).isEmpty();
        } finally {
            trust.close();
        }
    }

    /** The community on community.state and a backlog of settlements of 10, 20, … fen on billing.events, every one valid by contract. */
    private static void publish(UUID community) throws Exception {
        EventSchemas schemas = new EventSchemas();
        List<EventEnvelope> events = new ArrayList<>();
        events.add(envelope(schemas, "community.community-state.v1", community, community, Map.of("communityId", community.toString(), "name", "劲松北社区",
                "city", "北京市", "district", "朝阳区", "divisionCode", "110105", "timeZone", "Asia/Shanghai", "operatorCompanyId", UUID.randomUUID().toString())));
        for (int i = 1; i <= SETTLEMENTS; i++) {
            UUID settlement = UUID.randomUUID();
            UUID line = UUID.randomUUID();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("settlementId", settlement.toString());
            p.put("paymentId", UUID.randomUUID().toString());
            p.put("invoiceId", UUID.randomUUID().toString());
            p.put("lineId", line.toString());
            p.put("chargeId", line.toString());
            p.put("communityId", community.toString());
            p.put("payer", Map.of("kind", "unit", "unitId", UUID.randomUUID().toString(), "reference", "1号楼-" + i, "name", "业主" + i));
            p.put("revenueClass", "parking_common");
            p.put("amountFen", i * 10L);
            p.put("currency", "CNY");
            p.put("channel", "WECHAT_PAY");
            p.put("channelTransactionId", "4200" + i);
            p.put("settledAt", Instant.parse("2026-10-15T02:00:00Z").plusSeconds(i).toString());
            p.put("lineSettledInFull", true);
            events.add(envelope(schemas, "billing.payment-settled.v1", community, settlement, p));
        }
        TopicWriter.send(Infra.kafka().bootstrapServers(), events.stream().map(EventRecords::of).toList());
    }

    private static EventEnvelope envelope(EventSchemas schemas, String type, UUID community, UUID aggregate, Object payload) {
        return schemas.envelope(type, community, aggregate, payload);
    }

    private static long awaitEntries(PostgresServer postgres, String database, java.util.function.LongPredicate done) throws InterruptedException {
        for (int i = 0; i < 1_200; i++) {
            long n = entries(postgres, database);
            if (done.test(n)) {
                return n;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the trust account did not post as expected; see target/crash-logs/trust-account.log");
    }

    private static long entries(PostgresServer postgres, String database) {
        try {
            return count(postgres, database, "SELECT count(*) FROM trust_account.journal_entry");
        } catch (IllegalStateException notYetMigrated) {
            return 0;
        }
    }

    private static long count(PostgresServer postgres, String database, String sql) {
        return Long.parseLong(postgres.query(database, sql).getFirst().getFirst());
    }

    /** The journal as stored, through the platform's verifier. */
    private static List<JournalVerifier.Finding> verify(PostgresServer postgres, String database) {
        Map<String, List<Posting>> postings = new LinkedHashMap<>();
        postgres.query(database, "SELECT entry_id, account_code, amount_fen FROM trust_account.journal_posting ORDER BY entry_id, line")
                .forEach(r -> postings.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(new Posting(r.get(1), Long.parseLong(r.get(2)))));
        JournalVerifier verifier = new JournalVerifier();
        HexFormat hex = HexFormat.of();
        postgres.query(database, """
                SELECT id, ledger_id, sequence, to_char(period, 'YYYY-MM'), to_char(belongs_to, 'YYYY-MM'), posted_at_micros, description, source,
                       reverses, encode(prev_hash, 'hex'), encode(leaf_hash, 'hex') FROM trust_account.journal_entry ORDER BY sequence""")
                .forEach(r -> verifier.accept(new JournalEntry(UUID.fromString(r.get(0)), UUID.fromString(r.get(1)), Long.parseLong(r.get(2)),
                        YearMonth.parse(r.get(3)), r.get(4) == null ? null : YearMonth.parse(r.get(4)), Long.parseLong(r.get(5)), r.get(6), r.get(7),
                        r.get(8) == null ? null : UUID.fromString(r.get(8)), postings.getOrDefault(r.get(0), List.of()), hex.parseHex(r.get(9)),
                        hex.parseHex(r.get(10)))));
        assertThat(verifier.entries()).isEqualTo(SETTLEMENTS);
        return verifier.findings();
    }
}
