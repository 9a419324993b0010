package dev.commonhold.community.registry.messaging;

import dev.commonhold.community.registry.domain.RegistryEvent;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The payloads of community.events, field for field as in contracts/events/community/*.v1.schema.json. */
final class CommunityPayloads {

    private CommunityPayloads() {
    }

    record CommunityRegisteredV1(UUID communityId, String name, String city, String district, String divisionCode, String timeZone,
                                 UUID operatorCompanyId, String address, Long declaredFloorAreaCentiM2) {
    }

    record UnitRegisteredV1(UUID unitId, UUID buildingId, String buildingName, String number, Integer floor, long exclusiveAreaCentiM2,
                            String use, UUID ownerId, String ownerKind) {
    }

    record OwnershipTransferredV1(UUID unitId, UUID fromOwnerId, UUID toOwnerId, String toOwnerKind, LocalDate effectiveOn,
                                  long exclusiveAreaCentiM2) {
    }

    record CommitteeChangedV1(String kind, LocalDate termStart, LocalDate termEnd, List<MemberV1> members) {
    }

    record MemberV1(UUID memberId, String name, String role, UUID ownerId, String userId) {
    }

    static CommunityRegisteredV1 registered(RegistryEvent.CommunityRegistered e) {
        var c = e.community();
        return new CommunityRegisteredV1(c.id(), c.name(), c.city(), c.district(), c.divisionCode(), c.timeZone().getId(),
                c.operatorCompanyId(), c.address(), c.declaredFloorArea() == null ? null : c.declaredFloorArea().centiSquareMetres());
    }

    static UnitRegisteredV1 unitRegistered(RegistryEvent.UnitRegistered e) {
        var u = e.unit();
        return new UnitRegisteredV1(u.id(), e.building().id(), e.building().name(), u.number(), u.floor(),
                u.exclusiveArea().centiSquareMetres(), u.use().name(), e.owner().id(), e.owner().kind().name());
    }

    static OwnershipTransferredV1 transferred(RegistryEvent.OwnershipTransferred e) {
        return new OwnershipTransferredV1(e.before().id(), e.before().ownerId(), e.newOwner().id(), e.newOwner().kind().name(),
                e.effectiveOn(), e.before().exclusiveArea().centiSquareMetres());
    }

    static CommitteeChangedV1 committeeChanged(RegistryEvent.CommitteeChanged e) {
        var c = e.committee();
        return new CommitteeChangedV1(c.kind().name(), c.termStart(), c.termEnd(), c.members().stream()
                .map(m -> new MemberV1(m.id(), m.name(), m.role().name(), m.ownerId(), m.userId())).toList());
    }
}
