package dev.commonhold.community.registry.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An exclusive unit (专有部分): a flat, shop, storage room or parking space with its registered
 * exclusive area and its current owner. Units are what owners' votes count (rule V5) and what
 * maintenance-fund sub-accounts and apportionments hang on (rules F2, F4).
 */
public record Unit(UUID id, UUID communityId, UUID buildingId, String number, Integer floor, Area exclusiveArea, UnitUse use,
                   UUID ownerId) {

    /** Larger than any single flat, shop or parking space a community registers: a typing error. */
    private static final Area LARGEST = new Area(10_000_00L);

    public Unit {
        number = Text.identifier("unit", number, 20);
        if (floor != null && (floor < -10 || floor > 200)) {
            throw new InvalidRegistryData("floor", "must be between -10 and 200");
        }
        checkExclusiveArea(exclusiveArea);
        if (use == null) {
            throw new InvalidRegistryData("use", "is required");
        }
        if (ownerId == null) {
            throw new InvalidRegistryData("ownerId", "every unit has an owner (the developer until it is delivered)");
        }
    }

    public static Area checkExclusiveArea(Area area) {
        if (area == null) {
            throw new InvalidRegistryData("exclusiveAreaM2", "is required");
        }
        if (area.compareTo(LARGEST) > 0) {
            throw new InvalidRegistryData("exclusiveAreaM2", "must not exceed 10000.00 m²");
        }
        return area;
    }

    public static Changed<Unit> register(Unit unit, Building building, Owner owner) {
        return Changed.of(unit, new RegistryEvent.UnitRegistered(unit, building, owner));
    }

    /**
     * Sale, delivery by the developer or inheritance: the unit, its area and its fund balance pass to
     * the new owner (rule F9). The register records what has happened: a transfer is recorded on or
     * after the day it takes effect ({@code today} in the community's zone), never ahead of it, so
     * the seller's login is unbound from the unit no earlier than that day.
     */
    public Changed<Unit> transferTo(Owner newOwner, LocalDate effectiveOn, LocalDate today) {
        if (newOwner.id().equals(ownerId)) {
            throw new RegistryConflict("unit " + number + " already belongs to " + newOwner.name());
        }
        if (!newOwner.communityId().equals(communityId)) {
            throw new InvalidRegistryData("toOwnerId", "the new owner must be registered in the same community");
        }
        if (effectiveOn == null) {
            throw new InvalidRegistryData("effectiveOn", "is required");
        }
        if (effectiveOn.isAfter(today)) {
            throw new InvalidRegistryData("effectiveOn", "is after today (%s): record the transfer once it has taken effect".formatted(today));
        }
        Unit transferred = new Unit(id, communityId, buildingId, number, floor, exclusiveArea, use, newOwner.id());
        return Changed.of(transferred, new RegistryEvent.OwnershipTransferred(this, newOwner, effectiveOn));
    }
}
