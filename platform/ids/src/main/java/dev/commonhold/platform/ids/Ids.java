package dev.commonhold.platform.ids;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import java.util.UUID;

/**
 * Identifiers for everything Commonhold creates: UUIDv7 (RFC 9562), time-ordered so that
 * primary-key indexes stay append-mostly and cursor pagination by id follows creation order.
 * The service that owns a thing generates its id (DESIGN.md, IDs).
 */
public final class Ids {

    // Monotonic within one millisecond, so ids created in a tight loop still sort in creation order.
    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {
    }

    public static UUID newId() {
        return GENERATOR.generate();
    }
}
