package dev.commonhold.fund.interest.persistence;

import dev.commonhold.fund.interest.app.Allocations;
import dev.commonhold.fund.interest.app.RegionAllocations;
import dev.commonhold.fund.interest.domain.InterestPeriod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcRegionAllocations implements RegionAllocations {

    private static final String COLUMNS = "id, division_prefix, period_from, period_to, amount_fen, rate_bp, bank_reference, status, allocated_fen, "
            + "communities, sub_accounts, detail, requested_at, finished_at";
    private static final RowMapper<RegionAllocation> ROW = (rs, i) -> new RegionAllocation(rs.getObject(1, UUID.class), rs.getString(2),
            new InterestPeriod(rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(), (Long) rs.getObject(5), (Integer) rs.getObject(6)),
            rs.getString(7), Allocations.Status.valueOf(rs.getString(8)), (Long) rs.getObject(9), (Integer) rs.getObject(10),
            (Integer) rs.getObject(11), rs.getString(12), rs.getTimestamp(13).toInstant(),
            rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant());

    private final JdbcTemplate jdbc;

    JdbcRegionAllocations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean start(RegionAllocation a, String requestedBy) {
        return jdbc.update("""
                INSERT INTO region_interest_allocation (id, division_prefix, period_from, period_to, amount_fen, rate_bp, bank_reference, status,
                                                        requested_by, requested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?)
                ON CONFLICT (division_prefix, period_from, period_to) WHERE status <> 'FAILED' DO NOTHING""",
                a.id(), a.divisionPrefix(), Date.valueOf(a.period().from()), Date.valueOf(a.period().to()), a.period().amountFen(),
                a.period().rateBasisPoints(), a.bankReference(), requestedBy, Timestamp.from(a.requestedAt())) == 1;
    }

    @Override
    public Optional<RegionAllocation> find(String divisionPrefix, UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM region_interest_allocation WHERE division_prefix = ? AND id = ?", ROW, divisionPrefix, id)
                .stream().findFirst();
    }

    @Override
    public Optional<RegionAllocation> ofPeriod(String divisionPrefix, InterestPeriod period) {
        return jdbc.query("SELECT " + COLUMNS + " FROM region_interest_allocation WHERE division_prefix = ? AND period_from = ? AND period_to = ? "
                        + "AND status <> 'FAILED'", ROW, divisionPrefix, Date.valueOf(period.from()), Date.valueOf(period.to()))
                .stream().findFirst();
    }

    @Override
    public Optional<RegionAllocation> overlapping(String divisionPrefix, InterestPeriod period) {
        return jdbc.query("SELECT " + COLUMNS + " FROM region_interest_allocation WHERE status <> 'FAILED' "
                        + "AND (starts_with(division_prefix, ?) OR starts_with(?, division_prefix)) "
                        + "AND period_from <= ? AND period_to >= ? "
                        + "AND NOT (division_prefix = ? AND period_from = ? AND period_to = ?) LIMIT 1", ROW, divisionPrefix, divisionPrefix,
                Date.valueOf(period.to()), Date.valueOf(period.from()), divisionPrefix, Date.valueOf(period.from()), Date.valueOf(period.to()))
                .stream().findFirst();
    }

    @Override
    public Optional<RegionAllocation> covering(String divisionCode, InterestPeriod period) {
        return jdbc.query("SELECT " + COLUMNS + " FROM region_interest_allocation WHERE status <> 'FAILED' AND starts_with(?, division_prefix) "
                        + "AND period_from <= ? AND period_to >= ? LIMIT 1", ROW, divisionCode, Date.valueOf(period.to()), Date.valueOf(period.from()))
                .stream().findFirst();
    }

    @Override
    public List<RegionAllocation> list(String divisionPrefix) {
        return jdbc.query("SELECT " + COLUMNS + " FROM region_interest_allocation WHERE division_prefix = ? ORDER BY period_from DESC, requested_at DESC",
                ROW, divisionPrefix);
    }

    @Override
    public void finished(UUID id, Allocations.Status status, Long allocatedFen, Integer communities, Integer subAccounts, String detail, Instant at) {
        jdbc.update("UPDATE region_interest_allocation SET status = ?, allocated_fen = ?, communities = ?, sub_accounts = ?, detail = ?, "
                + "finished_at = ? WHERE id = ?", status.name(), allocatedFen, communities, subAccounts, detail, Timestamp.from(at), id);
    }

    @Override
    public int failInterrupted(Instant at) {
        return jdbc.update("UPDATE region_interest_allocation SET status = 'FAILED', "
                + "detail = 'interrupted by a restart: nothing was credited; request it again', finished_at = ? WHERE status = 'RUNNING'",
                Timestamp.from(at));
    }
}
