package dev.commonhold.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.commonhold.platform.ledger.Account;
import dev.commonhold.platform.ledger.Journal;
import dev.commonhold.platform.ledger.JournalEntry;
import dev.commonhold.platform.ledger.NewEntry;
import dev.commonhold.platform.ledger.Posting;
import dev.commonhold.platform.testkit.postgres.PostgresServer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Interest for one community of {@code subAccounts} sub-accounts (rule F2), as the running
 * maintenance-fund service allocates it: balance-days of every sub-account, the largest-remainder
 * split, one journal entry, a movement per sub-account and every balance moved — against a raw
 * set-based UPDATE of as many rows measured in the same run. The sub-accounts and their opening
 * balances are written straight into the service's schema (with the journal entry that holds them).
 */
final class FundBenchmark {

    record Result(int subAccounts, double rawUpdateSeconds, double allocateSeconds, long allocatedFen, boolean booksAgree) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FundBenchmark() {
    }

    static Result run(PostgresServer postgres, String baseline, String stackDatabase, String fundUrl, String operatorToken, int subAccounts)
            throws Exception {
        double raw = rawUpdate(postgres, baseline, subAccounts);
        UUID community = UUID.randomUUID();
        seed(postgres, stackDatabase, community, company(operatorToken), subAccounts);
        postgres.execute(stackDatabase, "CHECKPOINT"); // both timed phases start from a checkpoint: each pays its own full-page writes
        String path = fundUrl + "/api/fund/communities/" + community + "/interest";
        long start = System.nanoTime();
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(path)).header("Authorization", "Bearer " + operatorToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"from\":\"2026-07-01\",\"to\":\"2026-09-30\",\"amountFen\":1234567891,\"bankReference\":\"BENCH-Q3\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("interest: " + started.statusCode() + " " + started.body());
        }
        String location = path + "/" + JSON.readTree(started.body()).get("id").asString();
        JsonNode done;
        do {
            Thread.sleep(100);
            done = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(location)).header("Authorization", "Bearer " + operatorToken).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } while (done.get("status").asString().equals("RUNNING"));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!done.get("status").asString().equals("DONE")) {
            throw new IllegalStateException("interest allocation failed: " + done);
        }
        List<List<String>> check = postgres.query(stackDatabase, ("SELECT (SELECT sum(balance_fen) FROM maintenance_fund.sub_account WHERE community_id = '%1$s'),"
                + " (SELECT -balance_fen FROM maintenance_fund.ledger_account WHERE ledger_id = '%1$s' AND code = '2101')").formatted(community));
        return new Result(subAccounts, raw, seconds, done.get("allocatedFen").asLong(), check.getFirst().get(0).equals(check.getFirst().get(1)));
    }

    /** A set-based UPDATE of every row of a table as wide as the sub-accounts, keyed the same way. */
    private static double rawUpdate(PostgresServer postgres, String database, int rows) {
        postgres.execute(database, "CREATE TABLE bench_balance (unit_id uuid PRIMARY KEY, community_id uuid NOT NULL, initial_fen bigint NOT NULL, "
                + "balance_fen bigint NOT NULL, state text NOT NULL, opened_at timestamptz NOT NULL)");
        postgres.execute(database, ("INSERT INTO bench_balance SELECT gen_random_uuid(), '00000000-0000-0000-0000-000000000001', 1000000, 500000 + i, "
                + "'IMPORTED', now() FROM generate_series(1, %d) i").formatted(rows));
        postgres.execute(database, "VACUUM ANALYZE bench_balance");
        postgres.execute(database, "CHECKPOINT");
        long start = System.nanoTime();
        postgres.execute(database, "UPDATE bench_balance SET balance_fen = balance_fen + 1");
        return (System.nanoTime() - start) / 1e9;
    }

    private static void seed(PostgresServer postgres, String database, UUID community, UUID company, int units) {
        String f = "maintenance_fund.";
        postgres.execute(database, ("INSERT INTO %scommunity (id, name, division_code, time_zone, operator_company_id) VALUES ('%s', '百万户基准社区', "
                + "'110105', 'Asia/Shanghai', '%s')").formatted(f, community, company));
        postgres.execute(database, ("INSERT INTO %1$sunit (id, community_id, building_id, building_name, number, floor, area_centi, owner_id, owner_name, "
                + "owner_user_ids, resident_user_ids) SELECT gen_random_uuid(), '%2$s', gen_random_uuid(), (i / 60 + 1) || '号楼', i::text, 1 + i %% 6, "
                + "5000 + i %% 8000, gen_random_uuid(), '业主' || i, '{}', '{}' FROM generate_series(1, %3$d) i").formatted(f, community, units));
        postgres.execute(database, ("INSERT INTO %1$ssub_account (unit_id, community_id, initial_deposit_fen, balance_fen, deposit_state, opened_at) "
                + "SELECT id, community_id, area_centi * 100, area_centi * 80, 'IMPORTED', now() FROM %1$sunit WHERE community_id = '%2$s'")
                .formatted(f, community));
        long total = Long.parseLong(postgres.query(database, "SELECT sum(balance_fen) FROM %ssub_account WHERE community_id = '%s'".formatted(f, community))
                .getFirst().getFirst());
        UUID entry = openingEntry(postgres, database, community, total);
        postgres.execute(database, ("INSERT INTO %1$smovement (id, community_id, unit_id, entry_id, kind, amount_fen, value_date, description, reference, "
                + "recorded_at) SELECT gen_random_uuid(), community_id, unit_id, '%3$s', 'OPENING', balance_fen, '2026-06-30', '接管期初余额', "
                + "'opening:2026-06-30', now() FROM %1$ssub_account WHERE community_id = '%2$s'").formatted(f, community, entry));
        // Every seeded table settled, as the raw table is: autovacuum of a million fresh units (and their GIN index) must not run inside the timing.
        postgres.execute(database, "VACUUM ANALYZE " + f + "unit");
        postgres.execute(database, "VACUUM ANALYZE " + f + "movement");
        postgres.execute(database, "VACUUM ANALYZE " + f + "sub_account");
    }

    /** The journal entry that holds the opening balances, posted through platform/ledger so the hash chain is the service's own. */
    private static UUID openingEntry(PostgresServer postgres, String database, UUID community, long total) {
        try (HikariDataSource data = new HikariDataSource()) {
            data.setJdbcUrl(postgres.jdbcUrl(database));
            data.setUsername(postgres.superuser());
            data.setPassword(postgres.superuserPassword());
            data.setSchema("maintenance_fund");
            Journal journal = new Journal(new JdbcTemplate(data), new TransactionTemplate(new DataSourceTransactionManager(data)), Clock.systemUTC());
            journal.openLedger(community, List.of(new Account("1002", "银行存款（维修资金专户）", Account.Type.ASSET),
                    new Account("2101", "业主分户维修资金", Account.Type.LIABILITY), new Account("2202", "应付施工单位", Account.Type.LIABILITY)));
            List<JournalEntry> posted = journal.post(community, List.of(NewEntry.of(YearMonth.of(2026, 11), "接管期初余额（基准）", "bench-opening",
                    List.of(Posting.debit("1002", total), Posting.credit("2101", total)))));
            return posted.getFirst().id();
        }
    }

    private static UUID company(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return UUID.fromString(JSON.readTree(payload).get("company").asString());
    }
}
