package dev.commonhold.fund.register;

import java.util.List;
import java.util.UUID;

/**
 * A unit as the fund knows it from community.state: its exclusive area (the basis of deposits and
 * apportionment), its building and floor (who shares a roof or a lift) and who owns it now.
 *
 * @param areaCentiM2 exclusive area in 0.01 m²
 */
public record UnitCopy(UUID id, UUID communityId, UUID buildingId, String buildingName, String number, Integer floor, long areaCentiM2,
                       UUID ownerId, String ownerName, List<String> ownerUserIds, List<String> residentUserIds) {

    /** 楼栋-房号, e.g. 1号楼-201: the payer reference on charges and statements. */
    public String reference() {
        return buildingName + "-" + number;
    }

    public boolean ownedBy(String subject) {
        return ownerUserIds.contains(subject);
    }
}
