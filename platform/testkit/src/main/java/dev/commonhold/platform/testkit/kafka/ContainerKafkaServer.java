package dev.commonhold.platform.testkit.kafka;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/** Kafka (KRaft) in a container, when a Docker engine is present. An outage is a paused container. */
public final class ContainerKafkaServer implements KafkaServer {

    private final KafkaContainer container;
    private boolean paused;

    public ContainerKafkaServer() {
        container = new KafkaContainer("apache/kafka:4.1.2");
        container.start();
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public synchronized void stop() {
        if (!paused) {
            DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec();
            paused = true;
        }
    }

    @Override
    public synchronized void start() {
        if (paused) {
            DockerClientFactory.instance().client().unpauseContainerCmd(container.getContainerId()).exec();
            paused = false;
        }
    }

    @Override
    public void close() {
        container.stop();
    }
}
