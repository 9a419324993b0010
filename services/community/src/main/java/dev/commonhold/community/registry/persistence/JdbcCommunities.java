package dev.commonhold.community.registry.persistence;

import dev.commonhold.community.registry.app.Communities;
import dev.commonhold.community.registry.app.RegistrySummary;
import dev.commonhold.community.registry.domain.Area;
import dev.commonhold.community.registry.domain.Community;
import dev.commonhold.platform.security.CommunityScopeSql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcCommunities implements Communities {

    private static final String COLUMNS = "id, name, city, district, division_code, time_zone, address, declared_floor_area_centi, operator_company_id";
    private static final RowMapper<Community> ROW = (rs, i) -> new Community(rs.getObject("id", UUID.class), rs.getString("name"),
            rs.getString("city"), rs.getString("district"), rs.getString("division_code"), ZoneId.of(rs.getString("time_zone")),
            rs.getString("address"), rs.getObject("declared_floor_area_centi") == null ? null : new Area(rs.getLong("declared_floor_area_centi")),
            rs.getObject("operator_company_id", UUID.class));

    private final JdbcClient jdbc;

    JdbcCommunities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Community c) {
        jdbc.sql("INSERT INTO community (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.name(), c.city(), c.district(), c.divisionCode(), c.timeZone().getId(), c.address(),
                        c.declaredFloorArea() == null ? null : c.declaredFloorArea().centiSquareMetres(), c.operatorCompanyId())
                .update();
    }

    @Override
    public Optional<Community> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM community WHERE id = ?").param(id).query(ROW).optional();
    }

    @Override
    public Optional<Community> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM community WHERE id = ? FOR UPDATE").param(id).query(ROW).optional();
    }

    @Override
    public List<Community> named(String text, int limit) {
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("SELECT " + COLUMNS + " FROM community WHERE name LIKE :pattern ORDER BY name, id LIMIT :limit")
                .param("pattern", pattern).param("limit", limit).query(ROW).list();
    }

    @Override
    public List<Community> list(CommunityScopeSql scope, UUID after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM community WHERE " + scope.predicate()
                        + " AND (CAST(:after AS uuid) IS NULL OR id > :after) ORDER BY id LIMIT :limit")
                .params(scope.parameters()).param("after", after).param("limit", limit)
                .query(ROW).list();
    }

    @Override
    public RegistrySummary summary(UUID id) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM building WHERE community_id = :id),
                               count(*), count(DISTINCT owner_id), coalesce(sum(exclusive_area_centi), 0)
                        FROM unit WHERE community_id = :id""")
                .param("id", id)
                .query((rs, i) -> new RegistrySummary(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getLong(4))).single();
    }
}
