package dev.commonhold.platform.testkit.postgres;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL 17 in a container, when a Docker engine is present. */
public final class ContainerPostgresServer implements PostgresServer {

    private final PostgreSQLContainer container;

    public ContainerPostgresServer() {
        container = new PostgreSQLContainer("postgres:17-alpine")
                .withUsername("postgres")
                .withPassword("postgres")
                .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "max_connections=300");
        container.start();
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
    }

    @Override
    public String superuser() {
        return container.getUsername();
    }

    @Override
    public String superuserPassword() {
        return container.getPassword();
    }

    @Override
    public void close() {
        container.stop();
    }
}
