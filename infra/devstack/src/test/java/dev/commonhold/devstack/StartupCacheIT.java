package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.Directories;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.Ports;
import dev.commonhold.platform.testkit.postgres.PostgresServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ./run.sh's start-up cache works with the command line the stack really uses: a training run of a
 * service builds its AOT cache, a second asks for none, and the service then starts with the JVM
 * told to refuse to run without that cache ({@code -XX:AOTMode=on}) — so a change to the JVM options
 * that silently made every cache useless (and the stack's start as slow as before) fails here.
 */
@org.junit.jupiter.api.Order(0) // before the shared demo stack starts (DemoStack): never two stacks at once
class StartupCacheIT {

    @Test
    void aServiceTrainedOnceStartsFromItsAotCache() throws Exception {
        PostgresServer postgres = Infra.postgres();
        String database = "aotcache_" + UUID.randomUUID().toString().substring(0, 8);
        Services.Spec spec = Services.parking(RepoRoot.locate(), new Services.Infrastructure(postgres.jdbcUrl(database),
                Infra.kafka().bootstrapServers(), Infra.tokens().issuerUri()), Ports.free());
        Databases.prepare(postgres, database, List.of(spec));
        Path logs = Files.createDirectories(Path.of("target", "startup-cache", "logs"));
        Directories.deleteRecursively(logs.resolveSibling("jars"));

        Process training = ServiceProcess.trainAotCache(spec, logs).orElseThrow();
        assertThat(training.waitFor(5, TimeUnit.MINUTES)).as("training run ends by itself once the beans exist").isTrue();
        assertThat(ServiceProcess.keepAotCache(spec, logs, training)).as("see target/startup-cache/logs/parking-aot-training.log").isTrue();
        assertThat(ServiceProcess.trainAotCache(spec, logs)).as("a cache exists: nothing to train").isEmpty();

        System.setProperty("commonhold.devstack.jvmOptions", "-XX:AOTMode=on");
        ServiceProcess parking;
        try {
            parking = ServiceProcess.start(spec, logs);
        } finally {
            System.clearProperty("commonhold.devstack.jvmOptions");
        }
        try {
            parking.awaitReady(Duration.ofMinutes(2));
            assertThat(Files.readString(logs.resolve("parking.log"))).contains("Started ParkingApplication");
        } finally {
            parking.close();
        }
    }
}
