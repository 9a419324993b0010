package dev.commonhold.parking.lots.domain;

import java.util.UUID;

/** One marked space of a lot (车位): its number and its kind; a private space names its household. */
public record Space(UUID id, UUID lotId, String number, SpaceKind kind, UUID unitId) {

    public Space {
        if (number == null || number.isBlank() || number.length() > 20) {
            throw new ParkingRuleViolation(null, "number", "1 to 20 characters, e.g. B2-017");
        }
        if (kind == null) {
            throw new ParkingRuleViolation(null, "kind", "PRIVATE, COMMON_LAND or OPERATOR_OWNED");
        }
        if ((kind == SpaceKind.PRIVATE) != (unitId != null)) {
            throw new ParkingRuleViolation("K1", "unitId", "a PRIVATE space names the unit that owns it; a common or operator space names none");
        }
    }
}
