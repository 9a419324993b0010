package dev.commonhold.platform.testkit.spring;

import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.postgres.PostgresServer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring Boot test context at the real infrastructure: a fresh PostgreSQL database of
 * its own, the shared Kafka broker and the OIDC server that mints Keycloak-shaped tokens.
 */
public class InfraInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PostgresServer postgres = Infra.postgres();
        String database = postgres.createDatabase("test");
        TestPropertyValues.of(
                "spring.datasource.url=" + postgres.jdbcUrl(database),
                "spring.datasource.username=" + postgres.superuser(),
                "spring.datasource.password=" + postgres.superuserPassword(),
                "spring.kafka.bootstrap-servers=" + Infra.kafka().bootstrapServers(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + Infra.tokens().issuerUri(),
                // Test contexts share one broker: each consumes under its own group, so none takes another's events.
                "commonhold.messaging.consumer-group=" + context.getEnvironment().getProperty("spring.application.name", "test")
                        + "-" + database
        ).applyTo(context);
    }
}
