package dev.commonhold.community.membership.domain;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What the register says a login should carry in its token: the communities it belongs to
 * (claim {@code communities}), the realm role {@code resident} while it is bound to a unit, and
 * {@code committee} while it sits on a current committee. Nothing else of the account is ours.
 *
 * @param residentOf  communities where the login owns or lives in a unit
 * @param committeeOf communities whose current committee (term begun, not ended) it sits on
 */
public record AccountClaims(Set<UUID> residentOf, Set<UUID> committeeOf) {

    public static final String RESIDENT_ROLE = "resident";
    public static final String COMMITTEE_ROLE = "committee";

    public AccountClaims {
        residentOf = Set.copyOf(residentOf);
        committeeOf = Set.copyOf(committeeOf);
    }

    /** The claim's values, sorted so an unchanged account is recognised and left alone. */
    public SortedSet<String> communities() {
        SortedSet<String> all = new TreeSet<>();
        residentOf.forEach(id -> all.add(id.toString()));
        committeeOf.forEach(id -> all.add(id.toString()));
        return all;
    }

    public boolean resident() {
        return !residentOf.isEmpty();
    }

    public boolean committee() {
        return !committeeOf.isEmpty();
    }
}
