package dev.commonhold.bench;

import dev.commonhold.platform.testkit.postgres.PostgresServer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where PostgreSQL's time went, by statement and database, from pg_stat_statements: the database's
 * side of a profile (JFR shows the services'). On demand, {@code -Dbench.statements=true}, as the
 * extension must be loaded when the server starts and costs a little on every statement.
 */
final class PgStatements {

    static final boolean ON = Boolean.getBoolean("bench.statements");

    private PgStatements() {
    }

    /** The server settings with the extension loaded when it is asked for. */
    static Map<String, String> settings(Map<String, String> server) {
        if (!ON) {
            return server;
        }
        Map<String, String> with = new HashMap<>(server);
        with.put("shared_preload_libraries", "pg_stat_statements");
        with.put("pg_stat_statements.track", "all"); // statements inside trigger functions too
        return with;
    }

    static void reset(PostgresServer postgres) {
        if (ON) {
            postgres.execute("postgres", "CREATE EXTENSION IF NOT EXISTS pg_stat_statements", "SELECT pg_stat_statements_reset()");
        }
    }

    /** The {@code top} statements by total execution time since {@link #reset}, per {@code operations} (ms per 1,000). */
    static void print(PostgresServer postgres, int operations, int top) {
        if (!ON) {
            return;
        }
        List<List<String>> rows = postgres.query("postgres", """
                SELECT d.datname, s.calls, round(s.total_exec_time::numeric, 0), round((s.total_exec_time * 1000 / %d)::numeric, 2),
                       s.rows, regexp_replace(left(s.query, 110), '\\s+', ' ', 'g')
                FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                ORDER BY s.total_exec_time DESC LIMIT %d""".formatted(operations, top));
        Report.line("PostgreSQL statements by time (pg_stat_statements)", "database, calls, total ms, ms per 1,000 ops, rows, statement");
        rows.forEach(r -> System.out.printf("    %-28s %8s %7s ms %7s %9s  %s%n", r.get(0).replaceAll("_[0-9a-f]{12}$", ""), r.get(1), r.get(2), r.get(3),
                r.get(4), r.get(5)));
    }
}
