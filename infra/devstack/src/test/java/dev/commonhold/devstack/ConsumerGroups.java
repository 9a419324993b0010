package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.Infra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** A service's consumer group as an operator handles it with {@code kafka-consumer-groups.sh}: its offsets read, and set back. */
final class ConsumerGroups {

    private ConsumerGroups() {
    }

    static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.kafka().bootstrapServers()));
    }

    static Map<TopicPartition, OffsetAndMetadata> committed(String group) throws Exception {
        try (Admin admin = admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        }
    }

    /**
     * {@code --reset-offsets} to these offsets. The group must be empty: a stopped member leaves within its
     * session timeout, so this tries for a minute.
     */
    static void reset(String group, Map<TopicPartition, OffsetAndMetadata> offsets) throws Exception {
        try (Admin admin = admin()) {
            for (int attempt = 1; ; attempt++) {
                try {
                    admin.alterConsumerGroupOffsets(group, offsets).all().get();
                    return;
                } catch (ExecutionException stillAMember) {
                    if (attempt == 60) {
                        throw stillAMember;
                    }
                    Thread.sleep(1_000);
                }
            }
        }
    }

    /**
     * Sets the group back on {@code topic} to where it was {@code ago}: everything since is delivered again. Only ever back:
     * a partition still behind that time (a restarted member waiting out a killed one's session) keeps its place.
     */
    static void rewind(String group, String topic, Duration ago) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        Map<TopicPartition, OffsetSpec> when = new HashMap<>();
        committed.keySet().stream().filter(p -> p.topic().equals(topic))
                .forEach(p -> when.put(p, OffsetSpec.forTimestamp(System.currentTimeMillis() - ago.toMillis())));
        Map<TopicPartition, OffsetAndMetadata> back = new HashMap<>();
        try (Admin admin = admin()) {
            admin.listOffsets(when).all().get().forEach((p, found) -> {
                if (found.offset() >= 0 && found.offset() < committed.get(p).offset()) {
                    back.put(p, new OffsetAndMetadata(found.offset()));
                }
            });
        }
        reset(group, back);
    }
}
