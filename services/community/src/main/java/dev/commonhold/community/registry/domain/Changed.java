package dev.commonhold.community.registry.domain;

import java.util.List;

/**
 * A state change and the events it implies: aggregates return both, and the application layer
 * stores them in one transaction (the events exist only where the invariants held).
 */
public record Changed<T>(T state, List<RegistryEvent> events) {

    public static <T> Changed<T> of(T state, RegistryEvent... events) {
        return new Changed<>(state, List.of(events));
    }
}
