package dev.commonhold.parking.lots.app;

import dev.commonhold.parking.lots.domain.Gate;
import dev.commonhold.parking.lots.domain.Lot;
import dev.commonhold.parking.lots.domain.Space;
import dev.commonhold.parking.lots.domain.SpaceKind;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Lots, their spaces and gates, kept. */
public interface LotStore {

    /** @return false when the community already has a lot of that name */
    boolean insert(Lot lot);

    Optional<Lot> find(UUID communityId, UUID lotId);

    List<Lot> list(UUID communityId);

    /** @return the numbers among these that the lot already has (nothing is added then) */
    List<String> existingNumbers(UUID lotId, List<String> numbers);

    void addSpaces(List<Space> spaces);

    Map<SpaceKind, Integer> spaceCounts(UUID lotId);

    int spaceCount(UUID lotId);

    /** A private space of this unit in the lot, if any. */
    boolean hasPrivateSpace(UUID lotId, UUID unitId);

    /** @return false when the serial is registered already (to any lot) */
    boolean insertGate(Gate gate);

    Optional<Gate> gate(String serial);

    List<Gate> gates(UUID lotId);
}
