package dev.commonhold.parking.charges.app;

import java.time.Instant;
import java.util.UUID;

/** Told, in the settlement's transaction, when a charge of parking is paid in full (a session waiting at the exit can open). */
public interface SettledCharges {

    void paidInFull(ParkingCharges.Source source, UUID sourceId, Instant at);

    /** A payment of the charge was reversed by billing: what it paid for is owed again. */
    void reversed(ParkingCharges.Source source, UUID sourceId, String reason);
}
