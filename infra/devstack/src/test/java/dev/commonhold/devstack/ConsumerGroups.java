package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.Infra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

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
}
