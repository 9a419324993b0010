package dev.commonhold.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ViewerTest {

    private static final UUID COMPANY = UUID.randomUUID();
    private static final CommunityRef JINSONG = new CommunityRef(UUID.randomUUID(), COMPANY, "110105");
    private static final CommunityRef ELSEWHERE = new CommunityRef(UUID.randomUUID(), UUID.randomUUID(), "320106");

    @Test
    void residentSeesOnlyTheCommunitiesInTheirClaim() {
        Viewer resident = viewer(List.of("resident"), Map.of("communities", List.of(JINSONG.id().toString())));

        assertThat(resident.mayRead(JINSONG)).isTrue();
        assertThat(resident.mayRead(ELSEWHERE)).isFalse();
        assertThat(resident.manages(JINSONG)).isFalse();
    }

    @Test
    void operatorSeesAndManagesTheCommunitiesItsCompanyRuns() {
        Viewer operator = viewer(List.of("operator-staff"), Map.of("company", COMPANY.toString()));

        assertThat(operator.manages(JINSONG)).isTrue();
        assertThat(operator.mayRead(ELSEWHERE)).isFalse();
    }

    @Test
    void regulatorReadsByDivisionCodePrefix() {
        assertThat(viewer(List.of("regulator"), Map.of("jurisdiction", List.of("1101"))).mayRead(JINSONG)).isTrue();
        assertThat(viewer(List.of("regulator"), Map.of("jurisdiction", List.of("110105"))).mayRead(JINSONG)).isTrue();
        assertThat(viewer(List.of("regulator"), Map.of("jurisdiction", List.of("110106"))).mayRead(JINSONG)).isFalse();
        assertThat(viewer(List.of("regulator"), Map.of("jurisdiction", List.of("1101"))).manages(JINSONG)).isFalse();
    }

    @Test
    void emptyOrMalformedJurisdictionNeverWidensARegulatorsView() {
        Viewer regulator = viewer(List.of("regulator"), Map.of("jurisdiction", List.of("", "%", "1", "11a")));

        assertThat(regulator.mayRead(JINSONG)).isFalse();
        assertThat(CommunityScopeSql.of(regulator, "c.id", "c.company", "c.division").predicate()).isEqualTo("FALSE");
    }

    @Test
    void communitiesClaimWithoutAResidentOrCommitteeRoleGrantsNothing() {
        assertThat(viewer(List.of(), Map.of("communities", List.of(JINSONG.id().toString()))).mayRead(JINSONG)).isFalse();
    }

    @Test
    void unknownRolesAndMalformedIdsAreIgnoredNotTrusted() {
        Viewer viewer = viewer(List.of("root", "resident"), Map.of("communities", List.of("not-a-uuid"), "company", "nope"));

        assertThat(viewer.roles()).containsExactly(Role.RESIDENT);
        assertThat(viewer.communities()).isEmpty();
        assertThat(viewer.company()).isNull();
    }

    @Test
    void requireRefusesWithoutTheRole() {
        Viewer resident = viewer(List.of("resident"), Map.of());

        assertThatThrownBy(() -> resident.require(Role.OPERATOR_ADMIN, Role.PLATFORM_ADMIN))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("operator-admin");
    }

    @Test
    void scopeSqlMatchesEachRoleItsOwnWay() {
        Viewer mixed = viewer(List.of("resident", "regulator"), Map.of("communities", List.of(JINSONG.id().toString()),
                "jurisdiction", List.of("3201")));

        CommunityScopeSql scope = CommunityScopeSql.of(mixed, "c.id", "c.company", "c.division");

        assertThat(scope.predicate()).isEqualTo("(c.id = ANY(:scopeCommunities) OR c.division LIKE ANY(:scopePrefixes))");
        assertThat((String[]) scope.parameters().get("scopePrefixes")).containsExactly("3201%");
        assertThat(CommunityScopeSql.of(viewer(List.of(), Map.of()), "c.id", "c.company", "c.division").predicate()).isEqualTo("FALSE");
    }

    private static Viewer viewer(List<String> roles, Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject(UUID.randomUUID().toString())
                .claim("realm_access", Map.of("roles", roles));
        claims.forEach(jwt::claim);
        return Viewer.from(jwt.build());
    }
}
