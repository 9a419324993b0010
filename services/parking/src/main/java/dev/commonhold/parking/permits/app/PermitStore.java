package dev.commonhold.parking.permits.app;

import dev.commonhold.parking.permits.domain.Application;
import dev.commonhold.parking.permits.domain.Permit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Registered cars, permit applications and permits, kept. */
public interface PermitStore {

    /** @return false when the plate is registered to another unit of the community already */
    boolean registerVehicle(UUID communityId, String plate, UUID unitId);

    Optional<UUID> householdOf(UUID communityId, String plate);

    /** @return false when the plate was not registered to this unit */
    boolean unregisterVehicle(UUID communityId, String plate, UUID unitId);

    List<String> platesOf(UUID unitId);

    /** Serialises allocation in a lot: two applications never take the last place together. */
    void lockLot(UUID lotId);

    /** @return false when the plate is already waiting in the lot */
    boolean insertApplication(UUID lotId, Application application, String by);

    List<Application> waiting(UUID lotId);

    Optional<Application> application(UUID lotId, UUID applicationId);

    void issued(UUID applicationId, UUID permitId);

    void withdrawn(UUID applicationId);

    /** Permits that still hold a place on the day: valid, or in their grace days. */
    int holdingPlaces(UUID lotId, LocalDate day, int graceDays);

    void insertPermit(Permit permit, UUID communityId, Instant at);

    Optional<Permit> permit(UUID lotId, UUID permitId);

    /** The plate's permit in the lot that ends last, if any. */
    Optional<Permit> latestFor(UUID lotId, String plate);

    void extend(UUID permitId, LocalDate validTo);

    List<Permit> permits(UUID lotId);

    record LotRef(UUID communityId, UUID lotId) {
    }

    /** Lots where someone waits for a permit. */
    List<LotRef> lotsWithWaiting();
}
