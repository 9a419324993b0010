package dev.commonhold.leasing.leases.persistence;

import dev.commonhold.leasing.leases.app.LeaseStore;
import dev.commonhold.leasing.leases.domain.DepositStatement;
import dev.commonhold.leasing.leases.domain.Lease;
import dev.commonhold.leasing.leases.domain.LeaseTerm;
import dev.commonhold.leasing.leases.domain.RentSchedule;
import dev.commonhold.leasing.leases.domain.RentTerms;
import dev.commonhold.leasing.leases.domain.Tenant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcLeases implements LeaseStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            l.id, l.community_id, l.number, l.tenant_kind, l.tenant_name, l.tenant_licence, l.tenant_phone, l.tenant_login, l.purpose,
            l.start_on, l.end_on, l.cut_by_l1, l.indefinite_term, l.written_contract, l.contract_sha256, l.monthly_rent_fen, l.escalation_bp,
            l.rent_free_months, l.billing_cycle_months, l.deposit_fen, l.late_fee_bp_per_day, l.late_fee_cap_percent, l.penalty_months,
            l.revenue_class, l.resolution_id, l.franchise_reference, l.renews_lease_id, l.status, l.ended_on, l.end_reason, l.created_by,
            l.created_at, ARRAY(SELECT space_id FROM lease_space s WHERE s.lease_id = l.id ORDER BY space_id) AS spaces""";
    private static final RowMapper<Lease> LEASE = (rs, i) -> new Lease(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
            new Tenant(Tenant.Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
            Arrays.asList((UUID[]) rs.getArray(33).getArray()), rs.getString(9),
            new LeaseTerm(rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class), rs.getBoolean(12)), rs.getBoolean(13),
            rs.getBoolean(14), rs.getString(15), new RentTerms(rs.getLong(16), rs.getInt(17), rs.getInt(18), rs.getInt(19), rs.getLong(20),
            rs.getInt(21), rs.getInt(22), rs.getInt(23)), rs.getString(24), rs.getObject(25, UUID.class), rs.getString(26),
            rs.getObject(27, UUID.class), Lease.Status.valueOf(rs.getString(28)), rs.getObject(29, LocalDate.class), rs.getString(30),
            rs.getString(31), rs.getTimestamp(32).toInstant());
    private static final RowMapper<ScheduledPeriod> PERIOD = (rs, i) -> new ScheduledPeriod(rs.getObject(1, UUID.class), rs.getInt(2),
            rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getLong(6),
            rs.getObject(7, UUID.class));

    private final JdbcTemplate jdbc;

    JdbcLeases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String nextNumber(UUID communityId, int year) {
        Integer n = jdbc.queryForObject("INSERT INTO lease_number (community_id, year, last) VALUES (?, ?, 1) ON CONFLICT (community_id, year) "
                + "DO UPDATE SET last = lease_number.last + 1 RETURNING last", Integer.class, communityId, year);
        return "ZL-%d-%04d".formatted(year, n);
    }

    @Override
    public void insert(Lease l, List<RentSchedule.Period> periods) {
        Tenant t = l.tenant();
        RentTerms r = l.rent();
        jdbc.update("""
                INSERT INTO lease (id, community_id, number, tenant_kind, tenant_name, tenant_licence, tenant_phone, tenant_login, purpose, start_on,
                    end_on, cut_by_l1, indefinite_term, written_contract, contract_sha256, monthly_rent_fen, escalation_bp, rent_free_months,
                    billing_cycle_months, deposit_fen, late_fee_bp_per_day, late_fee_cap_percent, penalty_months, revenue_class, resolution_id,
                    franchise_reference, renews_lease_id, status, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                l.id(), l.communityId(), l.number(), t.kind().name(), t.name(), t.licenceNumber(), t.phone(), t.login(), l.purpose(),
                Date.valueOf(l.term().startOn()), Date.valueOf(l.term().endOn()), l.term().cutByL1(), l.indefiniteTerm(), l.writtenContract(),
                l.contractSha256(), r.monthlyRentFen(), r.escalationBasisPoints(), r.rentFreeMonths(), r.billingCycleMonths(), r.depositFen(),
                r.lateFeeBasisPointsPerDay(), r.lateFeeCapPercent(), r.penaltyMonths(), l.revenueClass(), l.resolutionId(), l.franchiseReference(),
                l.renewsLeaseId(), l.status().name(), l.createdBy(), Timestamp.from(l.createdAt()));
        jdbc.batchUpdate("INSERT INTO lease_space (lease_id, space_id) VALUES (?, ?)", l.spaceIds(), l.spaceIds().size(), (ps, id) -> {
            ps.setObject(1, l.id());
            ps.setObject(2, id);
        });
        jdbc.batchUpdate("INSERT INTO rent_period (lease_id, seq, period_start, period_end, due_on, amount_fen) VALUES (?, ?, ?, ?, ?, ?)", periods,
                500, (ps, p) -> {
                    ps.setObject(1, l.id());
                    ps.setInt(2, p.seq());
                    ps.setDate(3, Date.valueOf(p.start()));
                    ps.setDate(4, Date.valueOf(p.end()));
                    ps.setDate(5, Date.valueOf(p.dueOn()));
                    ps.setLong(6, p.amountFen());
                });
    }

    @Override
    public Optional<Lease> find(UUID communityId, UUID leaseId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lease l WHERE l.id = ? AND l.community_id = ?", LEASE, leaseId, communityId).stream().findFirst();
    }

    @Override
    public Optional<Lease> lock(UUID leaseId) {
        jdbc.query("SELECT id FROM lease WHERE id = ? FOR UPDATE", (rs, i) -> null, leaseId);
        return jdbc.query("SELECT " + COLUMNS + " FROM lease l WHERE l.id = ?", LEASE, leaseId).stream().findFirst();
    }

    @Override
    public List<Lease> list(UUID communityId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lease l WHERE l.community_id = ? ORDER BY l.number", LEASE, communityId);
    }

    @Override
    public List<Lease> byLogin(String login) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lease l WHERE l.tenant_login = ? AND l.status <> 'VOID' ORDER BY l.start_on DESC", LEASE, login);
    }

    @Override
    public List<Lease> overlapping(Collection<UUID> spaceIds, LocalDate start, LocalDate end, UUID except) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lease l WHERE l.status IN ('ACTIVE', 'AWAITING_VOTE') AND l.id IS DISTINCT FROM ? "
                + "AND l.start_on <= ? AND COALESCE(l.ended_on, l.end_on) >= ? "
                + "AND EXISTS (SELECT 1 FROM lease_space s WHERE s.lease_id = l.id AND s.space_id = ANY(?)) ORDER BY l.start_on", LEASE,
                except, Date.valueOf(end), Date.valueOf(start), spaceIds.toArray(UUID[]::new));
    }

    @Override
    public List<Lease> awaiting(UUID resolutionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lease l WHERE l.resolution_id = ? AND l.status = 'AWAITING_VOTE' ORDER BY l.id FOR UPDATE",
                LEASE, resolutionId);
    }

    @Override
    public Optional<Lease> renewalOf(UUID leaseId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lease l WHERE l.renews_lease_id = ? AND l.status <> 'VOID'", LEASE, leaseId).stream().findFirst();
    }

    @Override
    public void setStatus(UUID leaseId, Lease.Status status, LocalDate endedOn, String reason) {
        jdbc.update("UPDATE lease SET status = ?, ended_on = ?, end_reason = ? WHERE id = ?", status.name(),
                endedOn == null ? null : Date.valueOf(endedOn), reason, leaseId);
    }

    @Override
    public List<ScheduledPeriod> periods(UUID leaseId) {
        return jdbc.query("SELECT lease_id, seq, period_start, period_end, due_on, amount_fen, charge_id FROM rent_period WHERE lease_id = ? ORDER BY seq",
                PERIOD, leaseId);
    }

    @Override
    public void periodRaised(UUID leaseId, int seq, UUID chargeId) {
        jdbc.update("UPDATE rent_period SET charge_id = ? WHERE lease_id = ? AND seq = ?", chargeId, leaseId, seq);
    }

    @Override
    public List<ScheduledPeriod> dueToRaise(Instant now, int leadDays, int limit) {
        return jdbc.query("""
                SELECT p.lease_id, p.seq, p.period_start, p.period_end, p.due_on, p.amount_fen, p.charge_id
                FROM rent_period p JOIN lease l ON l.id = p.lease_id JOIN community c ON c.id = l.community_id
                WHERE p.charge_id IS NULL AND p.amount_fen > 0 AND l.status = 'ACTIVE'
                  AND p.due_on <= (?::timestamptz AT TIME ZONE c.time_zone)::date + ?
                ORDER BY p.due_on, p.lease_id, p.seq LIMIT ?""", PERIOD, Timestamp.from(now), leadDays, limit);
    }

    @Override
    public List<UUID> expired(Instant now, int limit) {
        return jdbc.queryForList("SELECT l.id FROM lease l JOIN community c ON c.id = l.community_id WHERE l.status = 'ACTIVE' "
                + "AND l.end_on < (?::timestamptz AT TIME ZONE c.time_zone)::date ORDER BY l.end_on LIMIT ?", UUID.class, Timestamp.from(now), limit);
    }

    @Override
    public void recordEnd(Ended e) {
        DepositStatement d = e.deposit();
        jdbc.update("INSERT INTO lease_end (lease_id, last_day, ending, reason, penalty_fen, deposit_held_fen, applied_fen, refund_due_fen, carried_fen, "
                + "applied, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)", e.leaseId(), Date.valueOf(e.lastDay()),
                e.ending().name(), e.reason(), e.penaltyFen(), d.heldFen(), d.appliedFen(), d.refundDueFen(), d.carriedFen(),
                JSON.writeValueAsString(d.applied()), e.recordedBy(), Timestamp.from(e.recordedAt()));
    }

    @Override
    public Optional<Ended> end(UUID leaseId) {
        return jdbc.query("SELECT lease_id, last_day, ending, reason, penalty_fen, deposit_held_fen, refund_due_fen, carried_fen, applied::text, "
                + "recorded_by, recorded_at FROM lease_end WHERE lease_id = ?", (rs, i) -> new Ended(rs.getObject(1, UUID.class),
                rs.getObject(2, LocalDate.class), Lease.Ending.valueOf(rs.getString(3)), rs.getString(4), rs.getLong(5),
                new DepositStatement(rs.getLong(6), new ArrayList<>(JSON.readValue(rs.getString(9), new TypeReference<List<DepositStatement.Applied>>() {
                })), rs.getLong(7), rs.getLong(8)), rs.getString(10), rs.getTimestamp(11).toInstant()), leaseId).stream().findFirst();
    }
}
