package dev.commonhold.platform.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code commonhold.messaging.*}: which topics this service owns (created with their dead-letter
 * topics), and how the outbox relay behaves.
 *
 * @param topics            topics this service publishes, e.g. {@code community.events}
 * @param stateTopics       log-compacted state topics this service publishes, e.g. {@code community.state}
 * @param awaitedTopics     other services' topics this service consumes and that may not exist yet (their
 *                          producer is deployed later): declared here with the same partitioning, so the
 *                          subscription finds them instead of the broker auto-creating them with one partition;
 *                          a {@code .state} topic is declared compacted, as its owner declares it
 * @param partitions        partitions per owned topic; events are keyed by community or aggregate
 * @param replicationFactor 1 on one machine, 3 on a real cluster
 * @param consumerGroup     group id and inbox name for this service's handlers (defaults to the application name)
 */
@ConfigurationProperties("commonhold.messaging")
public record MessagingProperties(List<String> topics, List<String> stateTopics, List<String> awaitedTopics, Integer partitions,
                                  Short replicationFactor, String consumerGroup, Relay relay) {

    public MessagingProperties {
        topics = topics == null ? List.of() : topics;
        stateTopics = stateTopics == null ? List.of() : stateTopics;
        awaitedTopics = awaitedTopics == null ? List.of() : awaitedTopics;
        partitions = partitions == null ? 6 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        relay = relay == null ? new Relay(null, null, null, null) : relay;
    }

    /**
     * @param enabled      off only in tests that drive the relay by hand
     * @param pollInterval how often to look for events when no commit woke the relay
     * @param batchSize    events per publish transaction
     * @param retention    how long published events stay in the outbox table
     */
    public record Relay(Boolean enabled, Duration pollInterval, Integer batchSize, Duration retention) {
        public Relay {
            enabled = enabled == null || enabled;
            pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
            batchSize = batchSize == null ? 200 : batchSize;
            retention = retention == null ? Duration.ofDays(7) : retention;
        }
    }
}
