package dev.commonhold.community.membership.app;

import dev.commonhold.community.membership.domain.BindingEvent;

import java.util.List;
import java.util.UUID;

/** Port: every binding decision, appended. */
public interface BindingLog {

    void append(List<BindingEvent> events);

    List<BindingEvent> ofCommunity(UUID communityId, UUID after, int limit);
}
