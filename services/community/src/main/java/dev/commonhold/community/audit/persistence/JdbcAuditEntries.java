package dev.commonhold.community.audit.persistence;

import dev.commonhold.community.audit.app.AuditEntries;
import dev.commonhold.platform.audit.AuditEntry;
import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.security.CommunityScopeSql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Repository
class JdbcAuditEntries implements AuditEntries {

    private static final String COLUMNS = "e.entry_id, e.source, e.at, e.kind, e.action, e.outcome, e.actor_subject, e.actor_login, e.actor_roles, "
            + "e.actor_company, e.community_id, e.method, e.path, e.status, e.address, e.user_agent";
    private static final RowMapper<AuditEntry> ENTRY = (rs, i) -> new AuditEntry(rs.getObject(1, UUID.class), rs.getString(2),
            rs.getTimestamp(3).toInstant(), AuditKind.valueOf(rs.getString(4)), rs.getString(5), AuditEntry.Outcome.valueOf(rs.getString(6)),
            new AuditEntry.Actor(rs.getString(7), rs.getString(8), roles(rs.getArray(9)), rs.getObject(10, UUID.class)),
            rs.getObject(11, UUID.class), new AuditEntry.Target(rs.getString(12), rs.getString(13), rs.getInt(14)),
            new AuditEntry.From(rs.getString(15), rs.getString(16)));

    private final NamedParameterJdbcTemplate jdbc;

    JdbcAuditEntries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int add(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        int[] added = jdbc.batchUpdate("""
                INSERT INTO audit_entry (entry_id, source, at, kind, action, outcome, actor_subject, actor_login, actor_roles, actor_company,
                                         community_id, method, path, status, address, user_agent)
                VALUES (:id, :source, :at, :kind, :action, :outcome, :subject, :login, :roles, :company, :community, :method, :path, :status,
                        :address, :userAgent)
                ON CONFLICT (entry_id) DO NOTHING""", entries.stream().map(e -> new MapSqlParameterSource()
                .addValue("id", e.entryId()).addValue("source", e.source()).addValue("at", Timestamp.from(e.at()))
                .addValue("kind", e.kind().name()).addValue("action", e.action()).addValue("outcome", e.outcome().name())
                .addValue("subject", e.actor().subject()).addValue("login", e.actor().login())
                .addValue("roles", e.actor().roles().toArray(String[]::new)).addValue("company", e.actor().company())
                .addValue("community", e.communityId()).addValue("method", e.target().method()).addValue("path", e.target().path())
                .addValue("status", e.target().status()).addValue("address", e.from().address()).addValue("userAgent", e.from().userAgent()))
                .toArray(MapSqlParameterSource[]::new));
        return Arrays.stream(added).map(n -> Math.max(n, 0)).sum();
    }

    @Override
    public List<AuditEntry> find(Query query, CommunityScopeSql scope, UUID ownCompany, int limit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource(scope.parameters()).addValue("limit", limit);
        List<String> where = new ArrayList<>();
        where.add(ownCompany == null ? scope.predicate() : "(" + scope.predicate() + " OR e.actor_company = :ownCompany)");
        parameters.addValue("ownCompany", ownCompany);
        filter(where, parameters, "e.community_id = :community", "community", query.communityId());
        filter(where, parameters, "e.actor_login = :login", "login", query.login());
        filter(where, parameters, "e.kind = :kind", "kind", query.kind() == null ? null : query.kind().name());
        filter(where, parameters, "starts_with(e.action, :action)", "action", query.action());
        filter(where, parameters, "e.at >= :from", "from", query.from() == null ? null : Timestamp.from(query.from()));
        filter(where, parameters, "e.at < :to", "to", query.to() == null ? null : Timestamp.from(query.to()));
        if (query.beforeAt() != null) {
            where.add("(e.at, e.entry_id) < (:beforeAt, :beforeId)");
            parameters.addValue("beforeAt", Timestamp.from(query.beforeAt())).addValue("beforeId", query.beforeId());
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_entry e LEFT JOIN community c ON c.id = e.community_id WHERE "
                + String.join(" AND ", where) + " ORDER BY e.at DESC, e.entry_id DESC LIMIT :limit", parameters, ENTRY);
    }

    @Override
    public long copiedUpTo(String stream) {
        return jdbc.query("SELECT last_at FROM audit_keycloak_cursor WHERE stream = :stream", new MapSqlParameterSource("stream", stream),
                (rs, i) -> rs.getLong(1)).stream().findFirst().orElse(0L);
    }

    @Override
    public void copiedUpTo(String stream, long epochMillis) {
        jdbc.update("INSERT INTO audit_keycloak_cursor (stream, last_at) VALUES (:stream, :at) ON CONFLICT (stream) DO UPDATE SET last_at = :at",
                new MapSqlParameterSource("stream", stream).addValue("at", epochMillis));
    }

    private static void filter(List<String> where, MapSqlParameterSource parameters, String predicate, String name, Object value) {
        if (value != null) {
            where.add(predicate);
            parameters.addValue(name, value);
        }
    }

    private static List<String> roles(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
