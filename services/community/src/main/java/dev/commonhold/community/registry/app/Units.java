package dev.commonhold.community.registry.app;

import dev.commonhold.community.registry.domain.Unit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Port: exclusive units and their ownership history. */
public interface Units {

    void insertAll(List<Unit> units);

    Optional<Unit> find(UUID communityId, UUID id);

    boolean exists(UUID buildingId, String number);

    /** Unit ids by "building name/unit number". */
    Map<String, UUID> keys(UUID communityId);

    void recordTransfer(Unit before, Unit after, LocalDate effectiveOn, String recordedBy);

    List<Unit> list(UUID communityId, UUID buildingId, UUID after, int limit);

    List<Unit> ofOwners(List<UUID> ownerIds);

    List<Unit> byIds(List<UUID> unitIds);
}
