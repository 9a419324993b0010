package dev.commonhold.platform.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is asking, from their token: roles, and the communities, company and jurisdiction claims
 * that scope what they may see. Every query is scoped with this in the service itself, not only
 * at the gateway (DESIGN.md, Security).
 *
 * <ul>
 *   <li>platform-admin: every community;</li>
 *   <li>regulator: communities whose division code starts with a jurisdiction prefix (read only);</li>
 *   <li>operator-staff / operator-admin: communities run by their company;</li>
 *   <li>committee / resident: the communities in their {@code communities} claim.</li>
 * </ul>
 */
public record Viewer(String subject, String username, Set<Role> roles, Set<UUID> communities, UUID company,
                     List<String> jurisdiction) {

    public static Viewer from(Jwt jwt) {
        Set<Role> roles = KeycloakAuthorities.realmRoles(jwt).stream().flatMap(r -> Role.fromRealmRole(r).stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new Viewer(jwt.getSubject(), jwt.getClaimAsString("preferred_username"), roles,
                uuids(jwt.getClaimAsStringList("communities")), uuid(jwt.getClaimAsString("company")),
                divisionPrefixes(jwt.getClaimAsStringList("jurisdiction")));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        return Arrays.stream(any).anyMatch(roles::contains);
    }

    /** Refuses (403) unless the viewer has one of these roles. */
    public Viewer require(Role... any) {
        if (!hasAny(any)) {
            throw new AccessDeniedException("needs one of the roles " + Arrays.stream(any).map(Role::realmRole).toList());
        }
        return this;
    }

    public boolean mayRead(CommunityRef community) {
        return has(Role.PLATFORM_ADMIN)
                || manages(community)
                || (hasAny(Role.RESIDENT, Role.COMMITTEE) && communities.contains(community.id()))
                || (has(Role.REGULATOR) && community.divisionCode() != null && jurisdiction.stream().anyMatch(community.divisionCode()::startsWith));
    }

    /** Operator staff of the company that runs the community (or a platform admin). */
    public boolean manages(CommunityRef community) {
        return has(Role.PLATFORM_ADMIN)
                || (hasAny(Role.OPERATOR_STAFF, Role.OPERATOR_ADMIN) && company != null && company.equals(community.operatorCompanyId()));
    }

    /** Refuses (403) unless the viewer is staff or an admin of the operator running the community (a platform admin handles no money). */
    public void requireOperatorStaff(CommunityRef community) {
        if (!manages(community) || !hasAny(Role.OPERATOR_STAFF, Role.OPERATOR_ADMIN)) {
            throw new AccessDeniedException("only the staff of this community's operator may do this");
        }
    }

    /** Refuses (403) unless the viewer is an admin of the operator running the community. */
    public void requireOperatorAdmin(CommunityRef community) {
        if (!manages(community) || !has(Role.OPERATOR_ADMIN)) {
            throw new AccessDeniedException("only an operator admin of this community's operator may do this");
        }
    }

    /** Member of the owners' committee of that community. */
    public boolean sitsOnCommitteeOf(CommunityRef community) {
        return has(Role.COMMITTEE) && communities.contains(community.id());
    }

    /** Only 2 to 6 digits count: an empty or odd prefix must never widen a regulator's view to everything. */
    private static List<String> divisionPrefixes(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && v.matches("[0-9]{2,6}")).toList();
    }

    private static Set<UUID> uuids(List<String> values) {
        return values == null ? Set.of() : values.stream().flatMap(v -> {
            UUID id = uuid(v);
            return id == null ? java.util.stream.Stream.empty() : java.util.stream.Stream.of(id);
        }).collect(Collectors.toUnmodifiableSet());
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
