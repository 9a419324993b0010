package dev.commonhold.parking.sessions.app;

import dev.commonhold.parking.sessions.domain.Session;

/** parking.session-closed.v1 through the outbox. */
public interface SessionEvents {

    void closed(Session session);
}
