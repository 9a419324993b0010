package dev.commonhold.community.membership.app;

import dev.commonhold.community.membership.domain.Invitation;
import dev.commonhold.community.registry.domain.InvalidRegistryData;
import dev.commonhold.community.membership.domain.InvitationCode;
import dev.commonhold.community.registry.domain.RegistryConflict;
import dev.commonhold.community.registry.app.Buildings;
import dev.commonhold.community.registry.app.Owners;
import dev.commonhold.community.registry.app.RegistryAccess;
import dev.commonhold.community.registry.app.Units;
import dev.commonhold.community.registry.domain.Building;
import dev.commonhold.community.registry.domain.Community;
import dev.commonhold.community.registry.domain.OwnerKind;
import dev.commonhold.community.registry.domain.Resident;
import dev.commonhold.community.registry.domain.Unit;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The operator's staff issue invitation codes — for one unit, or for every unit of a building at
 * once to print and hand out — list them and withdraw them. A code is shown only in the answer
 * that issues it. A new owner code for a unit withdraws the unit's unused one: one owner code is
 * out at a time.
 */
@Service
public class InvitationIssuing {

    /** A new invitation with its code (shown this once), and where it is for. */
    public record Issued(Invitation invitation, InvitationCode code, Community community, String buildingName, String unitNumber) {
    }

    /** A building's codes, and the units left out because the developer still holds them (no owner code for those). */
    public record Sheets(Community community, String buildingName, List<Issued> issued, List<String> developerUnits) {
    }

    static final int MAX_UNITS_PER_SHEET = 2000;

    private final RegistryAccess access;
    private final Buildings buildings;
    private final Units units;
    private final Owners owners;
    private final Invitations invitations;
    private final Clock clock;

    InvitationIssuing(RegistryAccess access, Buildings buildings, Units units, Owners owners, Invitations invitations, Clock clock) {
        this.access = access;
        this.buildings = buildings;
        this.units = units;
        this.owners = owners;
        this.invitations = invitations;
        this.clock = clock;
    }

    @Transactional
    public Issued forUnit(Viewer viewer, UUID communityId, UUID unitId, String kind, Integer validDays) {
        Community community = staffOf(viewer, communityId);
        Unit unit = units.find(communityId, unitId).orElseThrow(() -> ProblemException.notFound("Unit", unitId));
        Building building = buildings.find(communityId, unit.buildingId()).orElseThrow();
        Resident.Relation as = kind(kind);
        Invitation.validDays(validDays);
        if (as == Resident.Relation.OWNER && developerOwned(communityId).test(unit)) {
            throw new RegistryConflict(Binder.DEVELOPER_OWNED);
        }
        return issue(viewer, community, building, unit, as, validDays, clock.instant());
    }

    /** One code for every unit of the building, in unit order, for the printed sheets; owner codes skip units the developer still holds. */
    @Transactional
    public Sheets forBuilding(Viewer viewer, UUID communityId, UUID buildingId, String kind, Integer validDays) {
        Community community = staffOf(viewer, communityId);
        Building building = buildings.find(communityId, buildingId).orElseThrow(() -> ProblemException.notFound("Building", buildingId));
        Resident.Relation as = kind(kind);
        Invitation.validDays(validDays);
        Instant now = clock.instant();
        List<Issued> issued = new ArrayList<>();
        List<String> developerUnits = new ArrayList<>();
        Predicate<Unit> developers = developerOwned(communityId);
        for (Unit unit : units.list(communityId, buildingId, null, MAX_UNITS_PER_SHEET)) {
            if (as == Resident.Relation.OWNER && developers.test(unit)) {
                developerUnits.add(unit.number());
            } else {
                issued.add(issue(viewer, community, building, unit, as, validDays, now));
            }
        }
        issued.sort(Comparator.comparing(Issued::unitNumber, UnitOrder.INSTANCE));
        developerUnits.sort(UnitOrder.INSTANCE);
        return new Sheets(community, building.name(), issued, developerUnits);
    }

    @Transactional
    public Invitation revoke(Viewer viewer, UUID communityId, UUID invitationId) {
        staffOf(viewer, communityId);
        Invitation invitation = invitations.lock(communityId, invitationId).orElseThrow(() -> ProblemException.notFound("Invitation", invitationId));
        Invitation revoked = invitation.revoked(clock.instant(), viewer.subject());
        invitations.update(revoked);
        return revoked;
    }

    @Transactional(readOnly = true)
    public List<Invitation> list(Viewer viewer, UUID communityId, UUID unitId, UUID after, int limit) {
        staffOf(viewer, communityId);
        return invitations.list(communityId, unitId, after, limit);
    }

    private Issued issue(Viewer viewer, Community community, Building building, Unit unit, Resident.Relation kind, Integer validDays, Instant now) {
        Invitation invitation = Invitation.issue(Ids.newId(), community.id(), unit.id(), kind, validDays, now, viewer.subject());
        if (kind == Resident.Relation.OWNER) {
            invitations.revokeActiveOwnerCodes(unit.id(), now, viewer.subject());
        }
        InvitationCode code = InvitationCode.generate();
        invitations.insert(invitation, code.sha256());
        return new Issued(invitation, code, community, building.name(), unit.number());
    }

    /** Whether a unit is still the developer's (looked up once per owner). */
    private Predicate<Unit> developerOwned(UUID communityId) {
        Map<UUID, Boolean> kinds = new HashMap<>();
        return unit -> kinds.computeIfAbsent(unit.ownerId(), id -> owners.find(communityId, id)
                .map(o -> o.kind() == OwnerKind.DEVELOPER).orElse(false));
    }

    private Community staffOf(Viewer viewer, UUID communityId) {
        Community community = access.readable(viewer, communityId);
        viewer.requireOperatorStaff(RegistryAccess.ref(community));
        return community;
    }

    private static Resident.Relation kind(String value) {
        try {
            return Resident.Relation.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRegistryData("kind", "must be owner, family or tenant: the code binds whoever enters it as that");
        }
    }
}
