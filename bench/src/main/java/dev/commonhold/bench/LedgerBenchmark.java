package dev.commonhold.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.commonhold.platform.ledger.Account;
import dev.commonhold.platform.ledger.Journal;
import dev.commonhold.platform.ledger.JournalEntry;
import dev.commonhold.platform.ledger.NewEntry;
import dev.commonhold.platform.ledger.Posting;
import dev.commonhold.platform.ledger.verify.JournalVerifier;
import dev.commonhold.platform.ledger.verify.TreeHead;
import dev.commonhold.platform.testkit.postgres.PostgresServer;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * platform/ledger on durable PostgreSQL: one entry at a time and in batches, against a raw transfer
 * transaction (two balance updates and two posting rows, nothing else) measured in the same run;
 * then closing a month over the whole log and verifying it from an export, with time and memory.
 */
final class LedgerBenchmark {

    record Result(Latencies rawTransfer, Latencies single, double batchedPostingsPerSecond, long entries, double closeSeconds,
                  double verifySeconds, long verifyHeapBytes, boolean intact) {
    }

    private static final YearMonth MONTH = YearMonth.of(2026, 11);

    private LedgerBenchmark() {
    }

    static Result run(PostgresServer postgres, int entries) throws Exception {
        String database = postgres.createDatabase("ledger");
        try (HikariDataSource data = new HikariDataSource()) {
            data.setJdbcUrl(postgres.jdbcUrl(database));
            data.setUsername(postgres.superuser());
            data.setPassword(postgres.superuserPassword());
            data.setSchema("ledger");
            data.addDataSourceProperty("reWriteBatchedInserts", "true");
            Flyway.configure().dataSource(data).schemas("ledger").locations("classpath:db/migration").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(data);
            Journal journal = new Journal(jdbc, new TransactionTemplate(new DataSourceTransactionManager(data)), Clock.systemUTC());
            Latencies raw = rawTransfers(data, 3_000);
            UUID single = open(journal);
            AtomicLong n = new AtomicLong();
            Latencies ours = Latencies.measure(200, 3_000, () -> journal.post(single, List.of(entry("single:" + n.incrementAndGet(), n.get()))));
            UUID big = open(journal);
            long start = System.nanoTime();
            for (int done = 0; done < entries; done += 1_000) {
                List<NewEntry> batch = new ArrayList<>(1_000);
                for (int i = done; i < Math.min(entries, done + 1_000); i++) {
                    batch.add(entry("batch:" + i, i));
                }
                journal.post(big, batch);
            }
            double batched = 2.0 * entries / ((System.nanoTime() - start) / 1e9);
            long closing = System.nanoTime();
            TreeHead head = journal.closePeriod(big, MONTH);
            double close = (System.nanoTime() - closing) / 1e9;
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            long before = runtime.totalMemory() - runtime.freeMemory();
            long verifying = System.nanoTime();
            JournalVerifier verifier = new JournalVerifier();
            for (long from = 0; from < entries; from += 10_000) {
                journal.entries(big, from, 10_000).forEach(verifier::accept);
            }
            verifier.checkHead(head);
            double verify = (System.nanoTime() - verifying) / 1e9;
            System.gc();
            long heap = runtime.totalMemory() - runtime.freeMemory() - before; // what the verifier keeps: a hash per entry
            return new Result(raw, ours, batched, verifier.entries(), close, verify, heap, verifier.intact());
        }
    }

    private static UUID open(Journal journal) {
        UUID ledger = UUID.randomUUID();
        journal.openLedger(ledger, List.of(new Account("1002", "银行存款", Account.Type.ASSET), new Account("4102", "公共车位停车收入", Account.Type.INCOME)));
        return ledger;
    }

    private static NewEntry entry(String source, long i) {
        long fen = 500 + i % 5_000;
        return NewEntry.of(MONTH, "停车费 " + i, source, List.of(Posting.debit("1002", fen), Posting.credit("4102", fen)));
    }

    /** What a ledger must at least do per transfer: move two balances and write two postings, in one transaction. */
    static Latencies rawTransfers(HikariDataSource data, int count) throws Exception {
        try (Connection c = data.getConnection()) {
            c.createStatement().execute("CREATE TABLE raw_account (id int PRIMARY KEY, balance bigint NOT NULL)");
            c.createStatement().execute("CREATE TABLE raw_posting (id bigserial PRIMARY KEY, account int NOT NULL, amount bigint NOT NULL)");
            c.createStatement().execute("INSERT INTO raw_account VALUES (1, 0), (2, 0)");
            c.setAutoCommit(false);
            PreparedStatement move = c.prepareStatement("UPDATE raw_account SET balance = balance + ? WHERE id = ?");
            PreparedStatement post = c.prepareStatement("INSERT INTO raw_posting (account, amount) VALUES (?, ?)");
            return Latencies.measure(200, count, () -> {
                for (int account = 1; account <= 2; account++) {
                    long amount = account == 1 ? 100 : -100;
                    move.setLong(1, amount);
                    move.setInt(2, account);
                    move.executeUpdate();
                    post.setInt(1, account);
                    post.setLong(2, amount);
                    post.executeUpdate();
                }
                c.commit();
            });
        }
    }
}
