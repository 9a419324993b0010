package dev.commonhold.platform.testkit.keycloak;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * {@link RestartableKeycloak} in a container: {@code docker stop} and {@code docker start} of the
 * same container, so its H2 data stays; bound to a fixed host port so the address survives.
 */
public final class ContainerRestartableKeycloak implements RestartableKeycloak {

    private static final String IMAGE = "quay.io/keycloak/keycloak:" + KeycloakDistribution.VERSION;

    private final GenericContainer<?> container;
    private final int port = dev.commonhold.platform.testkit.Ports.free();

    @SuppressWarnings("resource")
    public ContainerRestartableKeycloak() {
        container = new GenericContainer<>(IMAGE)
                .withCommand("start-dev", "--import-realm")
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME).withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD)
                .withCopyFileToContainer(MountableFile.forHostPath(RealmFile.locate()), "/opt/keycloak/data/import/commonhold-realm.json")
                .withExposedPorts(8080)
                .withCreateContainerCmdModifier(cmd -> cmd.withHostConfig(cmd.getHostConfig()
                        .withPortBindings(new PortBinding(com.github.dockerjava.api.model.Ports.Binding.bindPort(port), new ExposedPort(8080)))))
                .waitingFor(Wait.forHttp("/realms/" + REALM + "/.well-known/openid-configuration").forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(4)));
        container.start();
    }

    @Override
    public void stop() {
        container.getDockerClient().stopContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void start() {
        container.getDockerClient().startContainerCmd(container.getContainerId()).exec();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(issuerUri() + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Keycloak did not come back within 2 minutes");
    }

    @Override
    public String baseUrl() {
        return "http://" + container.getHost() + ":" + port;
    }

    @Override
    public void close() {
        container.stop();
    }
}
