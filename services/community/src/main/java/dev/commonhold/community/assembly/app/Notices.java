package dev.commonhold.community.assembly.app;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Port: results published to the whole community (rule V8). */
public interface Notices {

    record Notice(UUID id, UUID communityId, UUID resolutionId, String title, String body, Instant publishedAt) {
    }

    void publish(Notice notice);

    List<Notice> list(UUID communityId, int limit);
}
