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

    /**
     * The order PostgreSQL gives uuids: their 16 bytes as unsigned numbers, most significant first —
     * not {@link UUID#compareTo}, which compares the two halves signed. For sorting in Java what a
     * rule orders by id in the database (a tie in an interest split goes to the unit id that sorts first).
     */
    public static final java.util.Comparator<UUID> DATABASE_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };
}
