package dev.commonhold.community.registry.app;

import dev.commonhold.community.registry.domain.Owner;
import dev.commonhold.community.registry.domain.Resident;
import dev.commonhold.community.registry.domain.Unit;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Changes of who is bound to a unit made by the register's own acts, published in-process in
 * their transaction (Spring application events) for the history membership keeps of every
 * binding decision. Keycloak hears of them through the account queue the database fills.
 */
public final class LoginChanges {

    private LoginChanges() {
    }

    /** The operator linked an owner to a login (or to another one). */
    public record OwnerLinked(UUID communityId, UUID ownerId, String previousUserId, String userId, String by) {
    }

    /** The operator registered a resident with a login. */
    public record ResidentAdded(Resident resident, String by) {
    }

    public record ResidentMovedOut(Resident resident, LocalDate on, String by) {
    }

    /** A unit passed to another owner; the seller's login and the household that left with them are no longer bound to it. */
    public record UnitSold(Unit unit, Owner seller, Owner buyer, List<Resident> movedOut, LocalDate effectiveOn, String by) {
    }
}
