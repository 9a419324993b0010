package dev.commonhold.platform.testkit.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A running PostgreSQL server, embedded or in a container; the caller cannot tell which. */
public interface PostgresServer extends AutoCloseable {

    String host();

    int port();

    String superuser();

    String superuserPassword();

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://%s:%d/%s".formatted(host(), port(), database);
    }

    /** Creates an empty database with a unique name, so each test context starts clean. */
    default String createDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase();
        execute("postgres", "CREATE DATABASE " + name);
        return name;
    }

    /** Runs statements as the superuser, one transaction each. */
    default void execute(String database, String... statements) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database), superuser(), superuserPassword());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + e.getMessage(), e);
        }
    }

    /** Runs a query as the superuser; each row as a list of column values (as text). */
    default java.util.List<java.util.List<String>> query(String database, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database), superuser(), superuserPassword());
             Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery(sql)) {
            java.util.List<java.util.List<String>> result = new java.util.ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                java.util.List<String> row = new java.util.ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rows.getString(i));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + e.getMessage(), e);
        }
    }

    @Override
    void close();
}
