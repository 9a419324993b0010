package dev.commonhold.community.registry.app;

import dev.commonhold.community.registry.domain.Community;
import dev.commonhold.community.registry.domain.InvalidRegistryData;
import dev.commonhold.community.registry.domain.Owner;
import dev.commonhold.community.registry.domain.OwnerKind;
import dev.commonhold.community.registry.domain.RegistryConflict;
import dev.commonhold.community.registry.domain.Resident;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Owners and residents, and linking them to their logins so they see their own household. */
@Service
public class OwnerRegistration {

    public record NewOwner(String kind, String name, String phone, String externalRef, String userId) {
    }

    public record NewResident(UUID unitId, String name, String relation, String phone, String userId, LocalDate movedIn) {
    }

    private final RegistryAccess access;
    private final Owners owners;
    private final Units units;
    private final Residents residents;
    private final RegistryState state;
    private final ApplicationEventPublisher loginChanges;
    private final Clock clock;

    OwnerRegistration(RegistryAccess access, Owners owners, Units units, Residents residents, RegistryState state,
                      ApplicationEventPublisher loginChanges, Clock clock) {
        this.access = access;
        this.owners = owners;
        this.units = units;
        this.residents = residents;
        this.state = state;
        this.loginChanges = loginChanges;
        this.clock = clock;
    }

    @Transactional
    public Owner registerOwner(Viewer viewer, UUID communityId, NewOwner request) {
        access.managed(viewer, communityId);
        Owner owner = new Owner(Ids.newId(), communityId, OwnerKind.parse(request.kind()), request.name(), request.phone(),
                request.externalRef(), blankToNull(request.userId()));
        if (owner.externalRef() != null && owners.referenceUsed(communityId, owner.externalRef())) {
            throw new RegistryConflict("owner reference " + owner.externalRef() + " is already used in this community");
        }
        owners.insertAll(List.of(owner));
        return owner;
    }

    /** Links an owner to their login (Keycloak subject) so they can see their units and, later, vote. */
    @Transactional
    public Owner linkAccount(Viewer viewer, UUID communityId, UUID ownerId, String userId) {
        access.managed(viewer, communityId);
        Owner before = owners.find(communityId, ownerId).orElseThrow(() -> ProblemException.notFound("Owner", ownerId));
        Owner linked = before.linkedTo(userId);
        if (linked.userId().equals(before.userId())) {
            return linked;
        }
        owners.linkAccount(linked);
        state.unitsOfOwnerChanged(ownerId);
        loginChanges.publishEvent(new LoginChanges.OwnerLinked(communityId, ownerId, before.userId(), linked.userId(), viewer.subject()));
        return linked;
    }

    @Transactional
    public Resident registerResident(Viewer viewer, UUID communityId, NewResident request) {
        access.managed(viewer, communityId);
        if (request.unitId() == null || units.find(communityId, request.unitId()).isEmpty()) {
            throw new InvalidRegistryData("unitId", "no such unit in this community");
        }
        Resident resident = new Resident(Ids.newId(), communityId, request.unitId(), request.name(), relation(request.relation()),
                request.phone(), request.userId(), request.movedIn(), null);
        residents.insert(resident);
        state.unitsChanged(List.of(resident.unitId()));
        if (resident.userId() != null) {
            loginChanges.publishEvent(new LoginChanges.ResidentAdded(resident, viewer.subject()));
        }
        return resident;
    }

    /**
     * A resident moved out (a tenancy ended, a family member left): their login is no longer bound
     * to the unit. Recorded once it has happened — not after today in the community's zone, not
     * before they moved in. The operator records it, or the owner of record for their own unit.
     */
    @Transactional
    public Resident moveOut(Viewer viewer, UUID communityId, UUID residentId, LocalDate on) {
        Community community = access.readable(viewer, communityId);
        Resident resident = residents.lock(communityId, residentId).orElseThrow(() -> ProblemException.notFound("Resident", residentId));
        boolean ownerOfRecord = units.find(communityId, resident.unitId()).map(u -> owners.ofUser(communityId, viewer.subject()).stream()
                .anyMatch(o -> o.id().equals(u.ownerId()))).orElse(false);
        if (!viewer.manages(RegistryAccess.ref(community)) && !ownerOfRecord) {
            throw new AccessDeniedException("only the operator or the owner of record of this unit records a move out");
        }
        if (resident.movedOut() != null) {
            throw new RegistryConflict("%s moved out on %s already".formatted(resident.name(), resident.movedOut()));
        }
        LocalDate today = LocalDate.now(clock.withZone(community.timeZone()));
        if (on == null || on.isAfter(today)) {
            throw new InvalidRegistryData("movedOut", "is required and may not be after today (%s): record a move out once it has happened".formatted(today));
        }
        Resident left = new Resident(resident.id(), communityId, resident.unitId(), resident.name(), resident.relation(), resident.phone(),
                resident.userId(), resident.movedIn(), on);
        residents.moveOut(residentId, on);
        state.unitsChanged(List.of(resident.unitId()));
        if (resident.userId() != null) {
            loginChanges.publishEvent(new LoginChanges.ResidentMovedOut(left, on, viewer.subject()));
        }
        return left;
    }

    private static Resident.Relation relation(String value) {
        try {
            return Resident.Relation.valueOf(value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRegistryData("relation", "must be owner, family or tenant");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
