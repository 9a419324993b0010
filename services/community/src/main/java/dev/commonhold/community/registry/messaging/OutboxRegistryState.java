package dev.commonhold.community.registry.messaging;

import dev.commonhold.community.registry.app.RegistryState;
import dev.commonhold.platform.messaging.NewEvent;
import dev.commonhold.platform.messaging.NewEvent.PartitionKey;
import dev.commonhold.platform.messaging.outbox.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the committed-to-be state of changed units and communities in the same transaction and
 * appends it to the outbox as {@code community.unit-state.v1} / {@code community.community-state.v1}
 * (key: the aggregate id, so compaction keeps the latest per unit).
 */
@Component
class OutboxRegistryState implements RegistryState {

    private static final String UNITS = """
            SELECT u.id, u.community_id, u.building_id, b.name, u.number, u.floor, u.exclusive_area_centi, u.use,
                   o.id, o.kind, o.name, o.user_id,
                   ARRAY(SELECT DISTINCT r.user_id FROM resident r WHERE r.unit_id = u.id AND r.user_id IS NOT NULL
                         AND (r.moved_out IS NULL OR r.moved_out > current_date) ORDER BY 1)
            FROM unit u JOIN building b ON b.id = u.building_id JOIN owner o ON o.id = u.owner_id
            WHERE u.id = ANY(?) ORDER BY u.id""";
    /** The latest appointed committee of each community, and the members of those committees in their order. */
    private static final String COMMITTEES = """
            SELECT DISTINCT ON (c.community_id) c.community_id, c.id, c.kind, c.term_start, c.term_end
            FROM committee c WHERE c.community_id = ANY(?) ORDER BY c.community_id, c.appointed_at DESC""";
    private static final String MEMBERS = """
            SELECT committee_id, id, name, role, owner_id, user_id FROM committee_member WHERE committee_id = ANY(?) ORDER BY committee_id, position""";
    private static final String COMMUNITIES = """
            SELECT id, name, city, district, division_code, time_zone, operator_company_id FROM community WHERE id = ANY(?)""";

    private final JdbcTemplate jdbc;
    private final Outbox outbox;

    OutboxRegistryState(JdbcTemplate jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Override
    public void communitiesChanged(Collection<UUID> communityIds) {
        if (communityIds.isEmpty()) {
            return;
        }
        outbox.appendAll(jdbc.query(COMMUNITIES, (rs, i) -> {
            UUID id = rs.getObject(1, UUID.class);
            return new NewEvent("community.community-state.v1", id, id, new CommunityStateV1(id, rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class)), PartitionKey.AGGREGATE);
        }, (Object) communityIds.toArray(UUID[]::new)));
    }

    @Override
    public void unitsChanged(Collection<UUID> unitIds) {
        if (!unitIds.isEmpty()) {
            outbox.appendAll(jdbc.query(UNITS, (rs, i) -> unitState(rs), (Object) unitIds.toArray(UUID[]::new)));
        }
    }

    @Override
    public void committeesChanged(Collection<UUID> communityIds) {
        if (communityIds.isEmpty()) {
            return;
        }
        List<CommitteeStateV1> committees = jdbc.query(COMMITTEES, (rs, i) -> new CommitteeStateV1(rs.getObject(1, UUID.class),
                committeeKey(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class), new ArrayList<>()), (Object) communityIds.toArray(UUID[]::new));
        if (committees.isEmpty()) {
            return;
        }
        Map<UUID, CommitteeStateV1> byId = new HashMap<>();
        committees.forEach(c -> byId.put(c.committeeId(), c));
        jdbc.query(MEMBERS, (ResultSet rs) -> {
            byId.get(rs.getObject(1, UUID.class)).members().add(new MemberV1(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                    rs.getObject(5, UUID.class), rs.getString(6)));
        }, (Object) byId.keySet().toArray(UUID[]::new));
        outbox.appendAll(committees.stream().map(c -> new NewEvent("community.committee-state.v1", c.communityId(), c.committeeKey(), c,
                PartitionKey.AGGREGATE)).toList());
    }

    /** The committee's key on community.state: one per community, never the community's own key. */
    static UUID committeeKey(UUID communityId) {
        return UUID.nameUUIDFromBytes(("committee-of:" + communityId).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void unitsOfOwnerChanged(UUID ownerId) {
        unitsChanged(jdbc.queryForList("SELECT id FROM unit WHERE owner_id = ?", UUID.class, ownerId));
    }

    private static NewEvent unitState(ResultSet rs) throws SQLException {
        UUID unitId = rs.getObject(1, UUID.class);
        String ownerUser = rs.getString(12);
        UnitStateV1 state = new UnitStateV1(unitId, rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5),
                (Integer) rs.getObject(6), rs.getLong(7), rs.getString(8), rs.getObject(9, UUID.class), rs.getString(10), rs.getString(11),
                ownerUser == null ? List.of() : List.of(ownerUser), strings(rs.getArray(13)));
        return new NewEvent("community.unit-state.v1", rs.getObject(2, UUID.class), unitId, state, PartitionKey.AGGREGATE);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** Field for field as contracts/events/community/unit-state.v1.schema.json. */
    record UnitStateV1(UUID unitId, UUID buildingId, String buildingName, String number, Integer floor, long exclusiveAreaCentiM2,
                       String use, UUID ownerId, String ownerKind, String ownerName, List<String> ownerUserIds,
                       List<String> residentUserIds) {
    }

    /** Field for field as contracts/events/community/committee-state.v1.schema.json. */
    record CommitteeStateV1(UUID communityId, UUID committeeKey, UUID committeeId, String kind, LocalDate termStart, LocalDate termEnd,
                            List<MemberV1> members) {
    }

    record MemberV1(UUID memberId, String name, String role, UUID ownerId, String userId) {
    }

    /** Field for field as contracts/events/community/community-state.v1.schema.json. */
    record CommunityStateV1(UUID communityId, String name, String city, String district, String divisionCode, String timeZone,
                            UUID operatorCompanyId) {
    }
}
