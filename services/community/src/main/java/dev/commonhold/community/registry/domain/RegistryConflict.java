package dev.commonhold.community.registry.domain;

/** A change that contradicts what the registry already holds (answered as a 409). */
public class RegistryConflict extends RuntimeException {

    public RegistryConflict(String message) {
        super(message);
    }
}
