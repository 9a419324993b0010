package dev.commonhold.community.registry.app;

import dev.commonhold.community.registry.domain.Area;
import dev.commonhold.community.registry.domain.Building;
import dev.commonhold.community.registry.domain.Changed;
import dev.commonhold.community.registry.domain.Community;
import dev.commonhold.community.registry.domain.InvalidRegistryData;
import dev.commonhold.community.registry.domain.Owner;
import dev.commonhold.community.registry.domain.RegistryConflict;
import dev.commonhold.community.registry.domain.Resident;
import dev.commonhold.community.registry.domain.Unit;
import dev.commonhold.community.registry.domain.UnitUse;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Buildings and units one at a time, and transfers of ownership. Bulk onboarding is {@link RegistryImports}. */
@Service
public class UnitRegistration {

    public record NewUnit(UUID buildingId, String number, Integer floor, BigDecimal exclusiveAreaM2, String use, UUID ownerId) {
    }

    public record Transfer(UUID toOwnerId, LocalDate effectiveOn) {
    }

    private final RegistryAccess access;
    private final Buildings buildings;
    private final Units units;
    private final Owners owners;
    private final RegistryEvents events;
    private final Residents residents;
    private final ApplicationEventPublisher loginChanges;
    private final Clock clock;

    UnitRegistration(RegistryAccess access, Buildings buildings, Units units, Owners owners, RegistryEvents events, Residents residents,
                     ApplicationEventPublisher loginChanges, Clock clock) {
        this.access = access;
        this.buildings = buildings;
        this.units = units;
        this.owners = owners;
        this.events = events;
        this.residents = residents;
        this.loginChanges = loginChanges;
        this.clock = clock;
    }

    @Transactional
    public Building registerBuilding(Viewer viewer, UUID communityId, String name) {
        access.managed(viewer, communityId);
        Building building = new Building(Ids.newId(), communityId, name);
        if (buildings.ofCommunity(communityId).stream().anyMatch(b -> b.name().equals(building.name()))) {
            throw new RegistryConflict("building " + building.name() + " is already registered");
        }
        buildings.insertAll(List.of(building));
        return building;
    }

    @Transactional
    public Unit registerUnit(Viewer viewer, UUID communityId, NewUnit request) {
        Community community = access.managed(viewer, communityId);
        Building building = buildings.find(community.id(), request.buildingId())
                .orElseThrow(() -> new InvalidRegistryData("buildingId", "no such building in this community"));
        Owner owner = owners.find(community.id(), request.ownerId())
                .orElseThrow(() -> new InvalidRegistryData("ownerId", "no such owner in this community"));
        if (request.exclusiveAreaM2() == null) {
            throw new InvalidRegistryData("exclusiveAreaM2", "is required");
        }
        if (units.exists(building.id(), request.number().strip())) {
            throw new RegistryConflict("unit %s/%s is already registered".formatted(building.name(), request.number().strip()));
        }
        Unit unit = new Unit(Ids.newId(), communityId, building.id(), request.number(), request.floor(),
                Area.ofSquareMetres(request.exclusiveAreaM2()), UnitUse.parse(request.use()), owner.id());
        Changed<Unit> registered = Unit.register(unit, building, owner);
        units.insertAll(List.of(registered.state()));
        events.publish(registered.events());
        return registered.state();
    }

    @Transactional
    public Unit transfer(Viewer viewer, UUID communityId, UUID unitId, Transfer request) {
        Community community = access.managed(viewer, communityId);
        Unit unit = units.find(communityId, unitId).orElseThrow(() -> ProblemException.notFound("Unit", unitId));
        Owner newOwner = owners.find(communityId, request.toOwnerId())
                .orElseThrow(() -> new InvalidRegistryData("toOwnerId", "no such owner in this community"));
        Changed<Unit> transferred = unit.transferTo(newOwner, request.effectiveOn(), LocalDate.now(clock.withZone(community.timeZone())));
        Owner seller = owners.find(communityId, unit.ownerId()).orElseThrow();
        units.recordTransfer(unit, transferred.state(), request.effectiveOn(), viewer.subject());
        // The seller's household leaves with the sale; tenants stay: a sale does not end a lease (Civil Code art. 725, 买卖不破租赁).
        List<Resident> leaving = residents.livingIn(unitId).stream().filter(r -> r.relation() != Resident.Relation.TENANT).toList();
        leaving.forEach(r -> residents.moveOut(r.id(), r.movedIn() != null && r.movedIn().isAfter(request.effectiveOn()) ? r.movedIn()
                : request.effectiveOn()));
        events.publish(transferred.events());
        loginChanges.publishEvent(new LoginChanges.UnitSold(unit, seller, newOwner, leaving, request.effectiveOn(), viewer.subject()));
        return transferred.state();
    }
}
