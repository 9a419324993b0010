package dev.commonhold.platform.testkit.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

import dev.commonhold.platform.testkit.Ports;

/**
 * Single-node Kafka in KRaft mode (broker and controller in one), in this JVM, on fixed
 * loopback ports. Storage is formatted once; a later start on the same directory keeps topics
 * and offsets, so the local stack survives restarts and tests can stop and restart the broker.
 */
public final class EmbeddedKafkaServer implements KafkaServer {

    private static final int NODE_ID = 1;

    private final KafkaConfig config;
    private final int port;
    private KafkaRaftServer server;

    private EmbeddedKafkaServer(Path logDirectory, int port, int controllerPort) {
        this.port = port;
        this.config = new KafkaConfig(settings(logDirectory, port, controllerPort), false);
        formatOnce(logDirectory);
        start();
    }

    /** Throwaway broker for tests: free ports, fresh temporary storage. */
    public static EmbeddedKafkaServer forTests() {
        try {
            return new EmbeddedKafkaServer(Files.createTempDirectory("commonhold-kafka"), Ports.free(), Ports.free());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Long-lived broker for the local stack: fixed port, storage kept between starts. */
    public static EmbeddedKafkaServer persistent(Path logDirectory, int port, int controllerPort) {
        return new EmbeddedKafkaServer(logDirectory, port, controllerPort);
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public synchronized void start() {
        if (server == null) {
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static Map<String, Object> settings(Path logDirectory, int port, int controllerPort) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", String.valueOf(NODE_ID));
        settings.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("log.dirs", logDirectory.toAbsolutePath().toString());
        // One node: every internal topic must make do with one replica.
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "4");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        settings.put("num.partitions", "3");
        settings.put("auto.create.topics.enable", "true");
        settings.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        return settings;
    }

    private void formatOnce(Path logDirectory) {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDirectory.toAbsolutePath().toString()))
                    .setMetadataLogDirectory(logDirectory.toAbsolutePath().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka storage in " + logDirectory + ": " + e.getMessage(), e);
        }
    }
}
