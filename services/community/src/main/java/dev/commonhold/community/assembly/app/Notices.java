package dev.commonhold.community.assembly.app;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Port: the community's notice board (公告): results (rule V8) and extended voting windows (rule V10). */
public interface Notices {

    enum Kind { DECISION, EXTENSION }

    record Notice(UUID id, UUID communityId, UUID resolutionId, Kind kind, String title, String body, Instant publishedAt) {
    }

    void publish(Notice notice);

    List<Notice> list(UUID communityId, int limit);
}
