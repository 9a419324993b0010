package dev.commonhold.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What the services' consumers still have to read. A benchmark that follows a large burst of events (a
 * billing run's invoice-issued events) waits for this to reach zero, so that what it measures next is not
 * sharing two cores with nine services still working through that burst.
 */
final class ConsumerLag {

    private ConsumerLag() {
    }

    /** Messages published but not yet committed by their consumer group, summed over every group and partition. */
    static long total(Admin admin) throws Exception {
        long lag = 0;
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            for (var e : committed.entrySet()) {
                if (e.getValue() != null) {
                    lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                }
            }
        }
        return lag;
    }

    /** Seconds until every consumer group has read everything published, checked every half second, at most {@code limit}. */
    static double awaitZero(String bootstrap, Duration limit) throws Exception {
        long start = System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (total(admin) > 0) {
                if (System.nanoTime() - start > limit.toNanos()) {
                    throw new IllegalStateException("the services' consumers still lag after " + limit.toSeconds() + " s");
                }
                Thread.sleep(500);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
