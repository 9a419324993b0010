package dev.commonhold.community.registry.app;

import dev.commonhold.community.registry.domain.InvalidRegistryData;
import dev.commonhold.community.registry.domain.Owner;
import dev.commonhold.community.registry.domain.OwnerKind;
import dev.commonhold.community.registry.domain.RegistryConflict;
import dev.commonhold.community.registry.domain.Resident;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    OwnerRegistration(RegistryAccess access, Owners owners, Units units, Residents residents, RegistryState state) {
        this.access = access;
        this.owners = owners;
        this.units = units;
        this.residents = residents;
        this.state = state;
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
        Owner linked = owners.find(communityId, ownerId).orElseThrow(() -> ProblemException.notFound("Owner", ownerId)).linkedTo(userId);
        owners.linkAccount(linked);
        state.unitsOfOwnerChanged(ownerId);
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
        return resident;
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
