package dev.commonhold.community.membership.app;

import dev.commonhold.community.membership.domain.BindingEvent;
import dev.commonhold.community.registry.domain.RegistryConflict;
import dev.commonhold.community.registry.app.Owners;
import dev.commonhold.community.registry.app.RegistryState;
import dev.commonhold.community.registry.app.Residents;
import dev.commonhold.community.registry.app.Units;
import dev.commonhold.community.registry.domain.Owner;
import dev.commonhold.community.registry.domain.OwnerKind;
import dev.commonhold.community.registry.domain.Resident;
import dev.commonhold.community.registry.domain.Unit;
import dev.commonhold.platform.ids.Ids;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Binds a login to a unit in the register — as the owner of record, or as a family member or
 * tenant living there — and keeps the decision in the binding log. Runs inside the caller's
 * transaction; the database queues the Keycloak update in the same one.
 */
@Component
class Binder {

    /** Where the binding came from, for the log. */
    record Source(BindingEvent.Via via, UUID referenceId, String decidedBy, Instant at) {
    }

    static final String DEVELOPER_OWNED = "this unit is still the developer's (建设单位) in the register: record its sale to the buyer, "
            + "then issue the buyer's code";

    private final Units units;
    private final Owners owners;
    private final Residents residents;
    private final RegistryState state;
    private final BindingLog log;

    Binder(Units units, Owners owners, Residents residents, RegistryState state, BindingLog log) {
        this.units = units;
        this.owners = owners;
        this.residents = residents;
        this.state = state;
        this.log = log;
    }

    /**
     * The login becomes that of the unit's owner of record — and so of all the owner's units.
     *
     * @throws RegistryConflict when the owner is bound to this or another login already
     */
    void bindOwner(Unit unit, String userId, Source source) {
        Owner owner = owners.find(unit.communityId(), unit.ownerId()).orElseThrow();
        if (owner.kind() == OwnerKind.DEVELOPER) {
            // The developer's record holds every unsold unit and votes them all (V5): no person's login becomes it.
            throw new RegistryConflict(DEVELOPER_OWNED);
        }
        if (userId.equals(owner.userId())) {
            throw new RegistryConflict("you are bound to this home as its owner already");
        }
        // Conditional, so two people redeeming codes of two flats of one owner at once cannot both think they won.
        if (owner.userId() != null || !owners.linkAccountIfNone(owner.linkedTo(userId))) {
            throw new RegistryConflict("the owner of record of this home is bound to another login; if the home is yours, "
                    + "ask the operator to check the register");
        }
        state.unitsOfOwnerChanged(owner.id());
        log.append(units.ofOwners(List.of(owner.id())).stream()
                .map(u -> event(u, userId, Resident.Relation.OWNER, source)).toList());
    }

    /**
     * A new resident of the unit with this login.
     *
     * @throws RegistryConflict when the login is bound to the unit already (as its owner or living there)
     */
    Resident bindResident(Unit unit, Resident.Relation relation, String userId, String name, String phone, LocalDate movedIn, Source source) {
        requireBindable(unit, relation, userId);
        Resident resident = new Resident(Ids.newId(), unit.communityId(), unit.id(), name, relation, phone, userId, movedIn, null);
        residents.insert(resident);
        state.unitsChanged(List.of(unit.id()));
        log.append(List.of(event(unit, userId, relation, source)));
        return resident;
    }

    /**
     * Refuses (409) at once what could never be approved: a login bound to the unit already (as its
     * owner or living there), or an owner's binding to a unit the developer still holds.
     */
    void requireBindable(Unit unit, Resident.Relation as, String userId) {
        Owner owner = owners.find(unit.communityId(), unit.ownerId()).orElseThrow();
        if (userId.equals(owner.userId()) || residents.livingIn(unit.id()).stream().anyMatch(r -> userId.equals(r.userId()))) {
            throw new RegistryConflict("you are bound to this home already");
        }
        if (as == Resident.Relation.OWNER && owner.kind() == OwnerKind.DEVELOPER) {
            throw new RegistryConflict(DEVELOPER_OWNED);
        }
    }

    static BindingEvent event(Unit unit, String userId, Resident.Relation relation, Source source) {
        return new BindingEvent(Ids.newId(), unit.communityId(), unit.id(), userId, BindingEvent.Action.BOUND, relation, source.via(),
                source.referenceId(), source.decidedBy(), source.at());
    }
}
