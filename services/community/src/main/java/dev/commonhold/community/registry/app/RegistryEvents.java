package dev.commonhold.community.registry.app;

import dev.commonhold.community.registry.domain.RegistryEvent;

import java.util.List;

/** Port: publishes registry events in the current transaction (the outbox). */
public interface RegistryEvents {

    void publish(List<RegistryEvent> events);
}
