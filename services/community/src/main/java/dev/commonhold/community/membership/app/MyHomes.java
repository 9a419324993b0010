package dev.commonhold.community.membership.app;

import dev.commonhold.community.membership.domain.AccountClaims;
import dev.commonhold.community.registry.app.Buildings;
import dev.commonhold.community.registry.app.Communities;
import dev.commonhold.community.registry.app.Owners;
import dev.commonhold.community.registry.app.Residents;
import dev.commonhold.community.registry.app.Units;
import dev.commonhold.community.registry.domain.Building;
import dev.commonhold.community.registry.domain.Community;
import dev.commonhold.community.registry.domain.Owner;
import dev.commonhold.community.registry.domain.Resident;
import dev.commonhold.community.registry.domain.Unit;
import dev.commonhold.platform.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Where the signed-in user belongs by the register, across communities — what they see right
 * after binding, before their token carries the community — and whether their account is still
 * being brought in line with it.
 */
@Service
public class MyHomes {

    public record Home(UUID communityId, String communityName, UUID unitId, String building, String unit, Resident.Relation as) {
    }

    /** @param accountUpToDate false while the register's latest change to this login has not reached Keycloak */
    public record Homes(List<Home> homes, Set<UUID> committeeOf, boolean accountUpToDate) {
    }

    private final Owners owners;
    private final Residents residents;
    private final Units units;
    private final Buildings buildings;
    private final Communities communities;
    private final AccountSyncQueue queue;

    MyHomes(Owners owners, Residents residents, Units units, Buildings buildings, Communities communities, AccountSyncQueue queue) {
        this.owners = owners;
        this.residents = residents;
        this.units = units;
        this.buildings = buildings;
        this.communities = communities;
        this.queue = queue;
    }

    @Transactional(readOnly = true)
    public Homes of(Viewer viewer) {
        List<Home> homes = new ArrayList<>();
        List<Owner> owned = owners.ofUserEverywhere(viewer.subject());
        for (Unit unit : units.ofOwners(owned.stream().map(Owner::id).toList())) {
            homes.add(home(unit, Resident.Relation.OWNER));
        }
        for (Resident r : residents.ofUserEverywhere(viewer.subject())) {
            if (homes.stream().noneMatch(h -> h.unitId().equals(r.unitId()))) {
                homes.add(home(units.byIds(List.of(r.unitId())).getFirst(), r.relation()));
            }
        }
        homes.sort(Comparator.comparing(Home::communityName).thenComparing(Home::building, UnitOrder.INSTANCE)
                .thenComparing(Home::unit, UnitOrder.INSTANCE));
        AccountClaims claims = queue.claimsOf(viewer.subject());
        return new Homes(homes, claims.committeeOf(), !queue.isQueued(viewer.subject()));
    }

    private Home home(Unit unit, Resident.Relation as) {
        Community community = communities.find(unit.communityId()).orElseThrow();
        String building = buildings.find(unit.communityId(), unit.buildingId()).map(Building::name).orElse("");
        return new Home(community.id(), community.name(), unit.id(), building, unit.number(), as);
    }
}
