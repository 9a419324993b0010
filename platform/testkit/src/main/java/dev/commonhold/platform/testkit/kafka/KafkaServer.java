package dev.commonhold.platform.testkit.kafka;

/**
 * A running single-node Kafka, embedded or in a container. {@link #stop()} and {@link #start()}
 * simulate an outage: clients keep the same bootstrap address and reconnect when it is back.
 */
public interface KafkaServer extends AutoCloseable {

    String bootstrapServers();

    /** Takes the broker away (clients time out) without losing its data. */
    void stop();

    /** Brings a stopped broker back on the same address with the same data. */
    void start();

    @Override
    void close();
}
