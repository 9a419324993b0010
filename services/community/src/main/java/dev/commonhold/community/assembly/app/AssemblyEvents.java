package dev.commonhold.community.assembly.app;

import dev.commonhold.community.assembly.domain.AssemblyEvent;

/** Port: publishes assembly events in the current transaction (the outbox). */
public interface AssemblyEvents {

    void publish(AssemblyEvent event);

    /** The published form of a decided tally, stored with the resolution so both say the same. */
    String tallyJson(AssemblyEvent.ResolutionDecided decided);
}
