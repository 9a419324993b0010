package dev.commonhold.billing.register;

import java.util.List;
import java.util.UUID;

/** A unit as billing knows it from community.state: what fees are computed on and who may pay. */
public record UnitCopy(UUID id, UUID communityId, String buildingName, String number, long areaCentiM2, String use,
                       UUID ownerId, String ownerName, List<String> ownerUserIds, List<String> residentUserIds) {

    /** 楼栋-房号, e.g. 1号楼-201: the payer reference printed on invoices. */
    public String reference() {
        return buildingName + "-" + number;
    }

    public boolean householdOf(String subject) {
        return ownerUserIds.contains(subject) || residentUserIds.contains(subject);
    }
}
