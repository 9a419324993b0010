package dev.commonhold.parking.gate.app;

import dev.commonhold.parking.permits.domain.Permit;

import java.time.Instant;
import java.util.UUID;

/**
 * All an entry needs to know about a plate in one look-up (the gate path's largest cost was the
 * number of round trips to the database, not any one of them).
 */
public interface PlateStandings {

    /**
     * @param exitedWithoutEntryAfter an exit with no entry found was charged after this capture time (this entry arrives late)
     * @param household               the unit the plate is registered to, or null
     * @param permit                  the plate's permit in the lot that ends last, or null
     * @param privateSpace            the household owns a space in the lot
     * @param inside                  cars inside the lot now
     */
    record Standing(boolean exitedWithoutEntryAfter, UUID household, Permit permit, boolean privateSpace, int inside) {
    }

    Standing of(UUID communityId, UUID lotId, String plate, Instant capturedAt);
}
