package dev.commonhold.community.registry.app;

import dev.commonhold.community.registry.domain.Building;
import dev.commonhold.community.registry.domain.Committee;
import dev.commonhold.community.registry.domain.Community;
import dev.commonhold.community.registry.domain.Owner;
import dev.commonhold.community.registry.domain.Resident;
import dev.commonhold.community.registry.domain.Unit;
import dev.commonhold.platform.security.CommunityScopeSql;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What each user may read of the register, scoped in the query itself. */
@Service
@Transactional(readOnly = true)
public class RegistryQueries {

    /** A unit as a viewer sees it: the owner is personal data, shown only to the operator and the committee. */
    public record UnitView(Unit unit, String buildingName, boolean showOwner) {
    }

    /** The caller's own household: the units they own or live in. */
    public record Household(List<Owner> ownerships, List<Resident> residences, List<UnitView> units) {
    }

    private final RegistryAccess access;
    private final Communities communities;
    private final Buildings buildings;
    private final Units units;
    private final Owners owners;
    private final Residents residents;
    private final Committees committees;

    RegistryQueries(RegistryAccess access, Communities communities, Buildings buildings, Units units, Owners owners,
                    Residents residents, Committees committees) {
        this.access = access;
        this.communities = communities;
        this.buildings = buildings;
        this.units = units;
        this.owners = owners;
        this.residents = residents;
        this.committees = committees;
    }

    public List<Community> communities(Viewer viewer, UUID after, int limit) {
        return communities.list(CommunityScopeSql.of(viewer, "id", "operator_company_id", "division_code"), after, limit);
    }

    public Community community(Viewer viewer, UUID communityId) {
        return access.readable(viewer, communityId);
    }

    public RegistrySummary summary(Viewer viewer, UUID communityId) {
        return communities.summary(access.readable(viewer, communityId).id());
    }

    public List<Building> buildings(Viewer viewer, UUID communityId) {
        return buildings.ofCommunity(access.readable(viewer, communityId).id());
    }

    public List<UnitView> units(Viewer viewer, UUID communityId, UUID buildingId, UUID after, int limit) {
        Community community = access.readable(viewer, communityId);
        return views(viewer, community, units.list(communityId, buildingId, after, limit));
    }

    public UnitView unit(Viewer viewer, UUID communityId, UUID unitId) {
        Community community = access.readable(viewer, communityId);
        Unit unit = units.find(communityId, unitId).orElseThrow(() -> ProblemException.notFound("Unit", unitId));
        return views(viewer, community, List.of(unit)).getFirst();
    }

    /** Phone numbers in full only for the operator who keeps the register; the committee sees them masked (138****1234). */
    public boolean phonesInFull(Viewer viewer, UUID communityId) {
        return viewer.manages(RegistryAccess.ref(access.readable(viewer, communityId)));
    }

    public List<Owner> owners(Viewer viewer, UUID communityId, UUID after, int limit) {
        return owners.list(access.withPersonalData(viewer, communityId).id(), after, limit);
    }

    public List<Resident> residents(Viewer viewer, UUID communityId, UUID after, int limit) {
        return residents.list(access.withPersonalData(viewer, communityId).id(), after, limit);
    }

    public Optional<Committee> committee(Viewer viewer, UUID communityId) {
        return committees.current(access.readable(viewer, communityId).id());
    }

    public Household household(Viewer viewer, UUID communityId) {
        Community community = access.readable(viewer, communityId);
        List<Owner> mine = owners.ofUser(communityId, viewer.subject());
        List<Resident> livingIn = residents.ofUser(communityId, viewer.subject());
        Map<UUID, Unit> found = new LinkedHashMap<>();
        units.ofOwners(mine.stream().map(Owner::id).toList()).forEach(u -> found.put(u.id(), u));
        units.byIds(livingIn.stream().map(Resident::unitId).toList()).forEach(u -> found.putIfAbsent(u.id(), u));
        List<UnitView> views = new ArrayList<>(views(viewer, community, List.copyOf(found.values())));
        // Your own ownership is not someone else's personal data.
        views.replaceAll(v -> new UnitView(v.unit(), v.buildingName(), v.showOwner() || mine.stream().anyMatch(o -> o.id().equals(v.unit().ownerId()))));
        return new Household(mine, livingIn, views);
    }

    private List<UnitView> views(Viewer viewer, Community community, List<Unit> list) {
        boolean personal = access.seesPersonalData(viewer, community);
        Map<UUID, String> names = new LinkedHashMap<>();
        buildings.ofCommunity(community.id()).forEach(b -> names.put(b.id(), b.name()));
        return list.stream().map(u -> new UnitView(u, names.get(u.buildingId()), personal)).toList();
    }
}
