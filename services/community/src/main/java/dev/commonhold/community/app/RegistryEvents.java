package dev.commonhold.community.app;

import dev.commonhold.community.domain.RegistryEvent;

import java.util.List;

/** Port: publishes registry events in the current transaction (the outbox). */
public interface RegistryEvents {

    void publish(List<RegistryEvent> events);
}
