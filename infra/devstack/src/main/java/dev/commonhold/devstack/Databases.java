package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.postgres.PostgresServer;

import java.util.List;

/**
 * Schema-per-service on one embedded PostgreSQL: each service gets its own login role owning its
 * own schema, so no service can read another's tables. Idempotent, so a second start reuses data.
 */
final class Databases {

    static final String DATABASE = "commonhold";

    private Databases() {
    }

    static void prepare(PostgresServer postgres, String database, List<Services.Spec> services) {
        boolean exists = !postgres.query("postgres", "SELECT 1 FROM pg_database WHERE datname = '" + database + "'").isEmpty();
        if (!exists) {
            postgres.execute("postgres", "CREATE DATABASE " + database);
        }
        postgres.execute(database, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        for (Services.Spec service : services) {
            if (service.schema() != null) {
                String role = service.schema();
                postgres.execute(database,
                        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN CREATE ROLE %1$s LOGIN PASSWORD '%1$s'; END IF; END $$"
                                .formatted(role),
                        "CREATE SCHEMA IF NOT EXISTS %1$s AUTHORIZATION %1$s".formatted(role),
                        "REVOKE ALL ON SCHEMA %1$s FROM PUBLIC".formatted(role));
            }
        }
    }
}
