package dev.commonhold.devstack;

import dev.commonhold.platform.ledger.JournalEntry;
import dev.commonhold.platform.ledger.Posting;
import dev.commonhold.platform.ledger.verify.JournalVerifier;
import dev.commonhold.platform.messaging.EventEnvelope;
import dev.commonhold.platform.messaging.EventRecords;
import dev.commonhold.platform.messaging.EventSchemas;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.kafka.TopicWriter;
import dev.commonhold.platform.testkit.postgres.PostgresServer;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongPredicate;

/**
 * The trust account's books as stored, for the tests that break it (a SIGKILL mid-batch, a restore from
 * backup): settlements fed to it on billing.events, its journal counted and verified with the platform's
 * journal verifier, the way an auditor would.
 */
final class TrustBooks {

    private final PostgresServer postgres;
    private final String database;

    TrustBooks(PostgresServer postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    /** The community on community.state, so the trust account knows it. */
    static void community(UUID community) {
        community(community, UUID.randomUUID());
    }

    /** The community on community.state, run by {@code operator}: its staff's and cameras' tokens name that company. */
    static void community(UUID community, UUID operator) {
        EventSchemas schemas = new EventSchemas();
        TopicWriter.send(Infra.kafka().bootstrapServers(), List.of(EventRecords.of(schemas.envelope("community.community-state.v1", community, community,
                Map.of("communityId", community.toString(), "name", "劲松北社区", "city", "北京市", "district", "朝阳区", "divisionCode", "110105",
                        "timeZone", "Asia/Shanghai", "operatorCompanyId", operator.toString())))));
    }

    /** Settlements number {@code from} to {@code to} (inclusive) of 10 × n fen each on billing.events, every one valid by contract. */
    static void settle(UUID community, int from, int to) {
        EventSchemas schemas = new EventSchemas();
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            events.add(settlement(schemas, community, UUID.randomUUID(), i));
        }
        TopicWriter.send(Infra.kafka().bootstrapServers(), events.stream().map(EventRecords::of).toList());
    }

    /** Settlement number {@code i}: 10 × i fen for a parking space, paid by WeChat Pay; posted with the source {@code billing.settlement:<id>}. */
    static EventEnvelope settlement(EventSchemas schemas, UUID community, UUID settlement, int i) {
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
        return schemas.envelope("billing.payment-settled.v1", community, settlement, p);
    }

    long awaitEntries(LongPredicate done, String log) throws InterruptedException {
        return await("SELECT count(*) FROM trust_account.journal_entry", done, log);
    }

    /** Waits up to a minute for {@code sql}'s count to satisfy {@code done}; returns the count. */
    long await(String sql, LongPredicate done, String log) throws InterruptedException {
        long n = 0;
        for (int i = 0; i < 1_200; i++) {
            try {
                n = count(sql);
            } catch (IllegalStateException notYetMigrated) {
                n = 0;
            }
            if (done.test(n)) {
                return n;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the trust account did not get there (" + sql + " = " + n + "); see " + log);
    }

    long entries() {
        try {
            return count("SELECT count(*) FROM trust_account.journal_entry");
        } catch (IllegalStateException notYetMigrated) {
            return 0;
        }
    }

    List<List<String>> rows(String sql) {
        return postgres.query(database, sql);
    }

    long count(String sql) {
        return Long.parseLong(postgres.query(database, sql).getFirst().getFirst());
    }

    /** The journal as stored, through the platform's verifier: its findings (none when the chain, the sums and the balances hold). */
    List<JournalVerifier.Finding> verify(long expectedEntries) {
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
        if (verifier.entries() != expectedEntries) {
            throw new AssertionError("the verifier read " + verifier.entries() + " entries, expected " + expectedEntries);
        }
        return verifier.findings();
    }
}
