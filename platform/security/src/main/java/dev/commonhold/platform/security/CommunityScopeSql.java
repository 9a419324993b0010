package dev.commonhold.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL form of {@link Viewer#mayRead}: a predicate over a table that has the community id,
 * operator company and division code columns, with its named parameters. Lists are filtered in
 * the database, so a page never leaks and never comes back short.
 */
public record CommunityScopeSql(String predicate, Map<String, Object> parameters) {

    public static CommunityScopeSql of(Viewer viewer, String idColumn, String companyColumn, String divisionColumn) {
        if (viewer.has(Role.PLATFORM_ADMIN)) {
            return new CommunityScopeSql("TRUE", Map.of());
        }
        List<String> alternatives = new ArrayList<>();
        Map<String, Object> parameters = new java.util.HashMap<>();
        if (viewer.hasAny(Role.OPERATOR_STAFF, Role.OPERATOR_ADMIN) && viewer.company() != null) {
            alternatives.add(companyColumn + " = :scopeCompany");
            parameters.put("scopeCompany", viewer.company());
        }
        if (viewer.hasAny(Role.RESIDENT, Role.COMMITTEE) && !viewer.communities().isEmpty()) {
            alternatives.add(idColumn + " = ANY(:scopeCommunities)");
            parameters.put("scopeCommunities", viewer.communities().toArray(java.util.UUID[]::new));
        }
        if (viewer.has(Role.REGULATOR) && !viewer.jurisdiction().isEmpty()) {
            alternatives.add(divisionColumn + " LIKE ANY(:scopePrefixes)");
            parameters.put("scopePrefixes", viewer.jurisdiction().stream().map(p -> p + "%").toArray(String[]::new));
        }
        return new CommunityScopeSql(alternatives.isEmpty() ? "FALSE" : "(" + String.join(" OR ", alternatives) + ")", parameters);
    }
}
