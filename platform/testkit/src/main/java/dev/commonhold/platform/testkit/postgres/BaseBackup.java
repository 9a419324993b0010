package dev.commonhold.platform.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A physical base backup of a whole running server, taken online with PostgreSQL's low-level API
 * ({@code pg_backup_start} … copy the data directory … {@code pg_backup_stop}, then the WAL written
 * meanwhile) — what {@code pg_basebackup -X fetch} does — and a fresh server started from it, which
 * replays that WAL to a consistent state. For the restore test of issue 17 on an embedded server,
 * whose data directory is on this machine; README, "Backup and restore", gives the commands for a server.
 */
public final class BaseBackup {

    /** What the copy leaves out (PostgreSQL's documentation, "Making a Base Backup Using the Low Level API"). */
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "pg_wal", "pg_replslot",
            "pg_stat_tmp", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");

    private final Path directory;

    private BaseBackup(Path directory) {
        this.directory = directory;
    }

    /** Backs up {@code server} (embedded, so its data directory is readable here) into {@code target}, a new directory. */
    public static BaseBackup take(PostgresServer server, Path target) {
        try (Connection session = DriverManager.getConnection(server.jdbcUrl("postgres"), server.superuser(), server.superuserPassword());
             Statement sql = session.createStatement()) {
            Path data = Path.of(single(sql, "SHOW data_directory"));
            if (!Files.isDirectory(data)) {
                throw new IllegalStateException("the server's data directory " + data + " is not on this machine (a container): back it up "
                        + "with pg_basebackup inside it, as README's \"Backup and restore\" does");
            }
            sql.execute("SELECT pg_backup_start('commonhold restore test', true)"); // fast: checkpoint now
            copy(data, target, true);
            try (ResultSet stop = sql.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                stop.next();
                Files.writeString(target.resolve("backup_label"), stop.getString(1));
                if (stop.getString(2) != null && !stop.getString(2).isEmpty()) {
                    Files.writeString(target.resolve("tablespace_map"), stop.getString(2));
                }
            }
            copy(data.resolve("pg_wal"), target.resolve("pg_wal"), false); // the WAL from start to stop: no archive here
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
            return new BaseBackup(target);
        } catch (SQLException e) {
            throw new IllegalStateException("the base backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh server on {@code port} from this backup (the backup's directory becomes its data directory). */
    public EmbeddedPostgresServer start(int port, Path log) {
        return EmbeddedPostgresServer.persistent(directory, port, log);
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void copy(Path from, Path to, boolean skipping) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> entries = Files.list(from)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                Path target = to.resolve(name);
                if (skipping && SKIPPED.contains(name)) {
                    if (Files.isDirectory(entry)) {
                        Files.createDirectories(target); // kept empty: the server expects it
                    }
                } else if (Files.isDirectory(entry)) {
                    copy(entry, target, false);
                } else if (Files.exists(entry)) { // a file the server removed while we copied is no loss: the WAL has it
                    try {
                        Files.copy(entry, target, StandardCopyOption.REPLACE_EXISTING);
                    } catch (java.nio.file.NoSuchFileException removedMeanwhile) {
                        // as above
                    }
                }
            }
        }
    }
}
