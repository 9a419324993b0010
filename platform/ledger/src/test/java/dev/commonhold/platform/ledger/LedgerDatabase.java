package dev.commonhold.platform.ledger;

import com.zaxxer.hikari.HikariDataSource;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.postgres.PostgresServer;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * A fresh database on the test PostgreSQL with the journal's migration applied by its own role,
 * {@code ledger_service}, as a service's Flyway would: the service connects as that role; tamper
 * tests connect as the superuser.
 */
final class LedgerDatabase {

    static final String ROLE = "ledger_service";
    private static LedgerDatabase instance;

    final PostgresServer postgres;
    final String database;
    final JdbcTemplate jdbc;
    final Journal journal;

    private LedgerDatabase() {
        postgres = Infra.postgres();
        database = postgres.createDatabase("ledger");
        postgres.execute(database, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "') THEN "
                        + "CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + ROLE + "'; END IF; END $$",
                "GRANT CREATE ON DATABASE " + database + " TO " + ROLE);
        HikariDataSource service = new HikariDataSource();
        service.setJdbcUrl(postgres.jdbcUrl(database));
        service.setUsername(ROLE);
        service.setPassword(ROLE);
        service.setSchema("ledger");
        service.setMaximumPoolSize(4);
        Flyway.configure().dataSource(service).schemas("ledger").locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(service);
        journal = new Journal(jdbc, new TransactionTemplate(new DataSourceTransactionManager(service)), Clock.systemUTC());
    }

    static synchronized LedgerDatabase get() {
        if (instance == null) {
            instance = new LedgerDatabase();
        }
        return instance;
    }

    /** Statements as the superuser, in the journal's schema. */
    void asSuperuser(String... statements) {
        String[] all = new String[statements.length + 1];
        all[0] = "SET search_path = ledger";
        System.arraycopy(statements, 0, all, 1, statements.length);
        postgres.execute(database, all);
    }
}
