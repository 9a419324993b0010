package dev.commonhold.community.registry.web;

import dev.commonhold.community.registry.app.RegistryQueries;
import dev.commonhold.community.registry.app.RegistrySummary;
import dev.commonhold.community.registry.domain.Building;
import dev.commonhold.community.registry.domain.Committee;
import dev.commonhold.community.registry.domain.Community;
import dev.commonhold.community.registry.domain.Owner;
import dev.commonhold.community.registry.domain.Phone;
import dev.commonhold.community.registry.domain.Resident;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the API answers: records made for the edge, never domain objects or rows. Areas in m² with two decimals. */
final class Responses {

    private Responses() {
    }

    record CommunityResponse(UUID id, String name, String city, String district, String divisionCode, String timeZone, String address,
                             BigDecimal declaredFloorAreaM2, UUID operatorCompanyId) {
    }

    /** The register's totals as votes count them (rule V5). */
    record Register(int buildings, int units, int owners, BigDecimal exclusiveAreaM2) {
    }

    record CommunityDetails(CommunityResponse community, Register register) {
    }

    record BuildingResponse(UUID id, String name) {
    }

    record UnitResponse(UUID id, UUID buildingId, String building, String number, Integer floor, BigDecimal exclusiveAreaM2, String use,
                        UUID ownerId) {
    }

    record OwnerResponse(UUID id, String kind, String name, String phone, String externalRef, boolean hasLogin) {
    }

    record ResidentResponse(UUID id, UUID unitId, String name, String relation, String phone, LocalDate movedIn, LocalDate movedOut) {
    }

    record MemberResponse(UUID id, String name, String role, UUID ownerId) {
    }

    record CommitteeResponse(String kind, LocalDate termStart, LocalDate termEnd, List<MemberResponse> members) {
    }

    record HouseholdResponse(List<OwnerResponse> ownerships, List<ResidentResponse> residences, List<UnitResponse> units) {
    }

    static CommunityResponse community(Community c) {
        return new CommunityResponse(c.id(), c.name(), c.city(), c.district(), c.divisionCode(), c.timeZone().getId(), c.address(),
                c.declaredFloorArea() == null ? null : c.declaredFloorArea().squareMetres(), c.operatorCompanyId());
    }

    static CommunityDetails details(Community c, RegistrySummary s) {
        return new CommunityDetails(community(c), new Register(s.buildings(), s.units(), s.owners(),
                BigDecimal.valueOf(s.exclusiveAreaCentiSquareMetres(), 2)));
    }

    static BuildingResponse building(Building b) {
        return new BuildingResponse(b.id(), b.name());
    }

    static UnitResponse unit(RegistryQueries.UnitView view) {
        var u = view.unit();
        return new UnitResponse(u.id(), u.buildingId(), view.buildingName(), u.number(), u.floor(), u.exclusiveArea().squareMetres(),
                u.use().name(), view.showOwner() ? u.ownerId() : null);
    }

    static OwnerResponse owner(Owner o) {
        return owner(o, true);
    }

    /** @param phoneInFull false for anyone but the operator keeping the register: 138****1234 */
    static OwnerResponse owner(Owner o, boolean phoneInFull) {
        return new OwnerResponse(o.id(), o.kind().name(), o.name(), phoneInFull ? o.phone() : Phone.masked(o.phone()), o.externalRef(),
                o.userId() != null);
    }

    static ResidentResponse resident(Resident r) {
        return resident(r, true);
    }

    static ResidentResponse resident(Resident r, boolean phoneInFull) {
        return new ResidentResponse(r.id(), r.unitId(), r.name(), r.relation().name(), phoneInFull ? r.phone() : Phone.masked(r.phone()),
                r.movedIn(), r.movedOut());
    }

    static CommitteeResponse committee(Committee c) {
        return new CommitteeResponse(c.kind().name(), c.termStart(), c.termEnd(),
                c.members().stream().map(m -> new MemberResponse(m.id(), m.name(), m.role().name(), m.ownerId())).toList());
    }

    static HouseholdResponse household(RegistryQueries.Household h) {
        return new HouseholdResponse(h.ownerships().stream().map(Responses::owner).toList(),
                h.residences().stream().map(Responses::resident).toList(), h.units().stream().map(Responses::unit).toList());
    }
}
