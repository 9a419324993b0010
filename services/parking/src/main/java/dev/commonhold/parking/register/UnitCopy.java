package dev.commonhold.parking.register;

import java.util.List;
import java.util.UUID;

/** A unit as parking knows it from community.state: who owns it and who lives there (owners first, rule K2). */
public record UnitCopy(UUID id, UUID communityId, String buildingName, String number, String ownerName, List<String> ownerUserIds,
                       List<String> residentUserIds) {

    /** 楼栋-房号, e.g. 1号楼-201. */
    public String reference() {
        return buildingName + "-" + number;
    }

    public boolean ownedBy(String subject) {
        return ownerUserIds.contains(subject);
    }

    public boolean householdOf(String subject) {
        return ownedBy(subject) || residentUserIds.contains(subject);
    }
}
