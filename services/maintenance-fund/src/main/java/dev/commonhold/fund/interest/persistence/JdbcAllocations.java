package dev.commonhold.fund.interest.persistence;

import dev.commonhold.fund.interest.app.Allocations;
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
class JdbcAllocations implements Allocations {

    private static final String COLUMNS = "id, community_id, period_from, period_to, amount_fen, rate_bp, bank_reference, status, allocated_fen, "
            + "sub_accounts, detail, requested_at, finished_at";
    private static final RowMapper<Allocation> ROW = (rs, i) -> new Allocation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            new InterestPeriod(rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(), (Long) rs.getObject(5), (Integer) rs.getObject(6)),
            rs.getString(7), Status.valueOf(rs.getString(8)), (Long) rs.getObject(9), (Integer) rs.getObject(10), rs.getString(11),
            rs.getTimestamp(12).toInstant(), rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant());

    private final JdbcTemplate jdbc;

    JdbcAllocations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean start(Allocation a, String requestedBy) {
        return jdbc.update("""
                        INSERT INTO interest_allocation (id, community_id, period_from, period_to, amount_fen, rate_bp, bank_reference, status,
                                                         requested_by, requested_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?)
                        ON CONFLICT (community_id, period_from, period_to) WHERE status <> 'FAILED' DO NOTHING""",
                a.id(), a.communityId(), Date.valueOf(a.period().from()), Date.valueOf(a.period().to()), a.period().amountFen(),
                a.period().rateBasisPoints(), a.bankReference(), requestedBy, Timestamp.from(a.requestedAt())) == 1;
    }

    @Override
    public Optional<Allocation> find(UUID communityId, UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM interest_allocation WHERE community_id = ? AND id = ?", ROW, communityId, id).stream().findFirst();
    }

    @Override
    public Optional<Allocation> ofPeriod(UUID communityId, InterestPeriod period) {
        return jdbc.query("SELECT " + COLUMNS + " FROM interest_allocation WHERE community_id = ? AND period_from = ? AND period_to = ? "
                        + "AND status <> 'FAILED'", ROW, communityId, Date.valueOf(period.from()), Date.valueOf(period.to())).stream().findFirst();
    }

    @Override
    public Optional<Allocation> overlapping(UUID communityId, InterestPeriod period) {
        return jdbc.query("SELECT " + COLUMNS + " FROM interest_allocation WHERE community_id = ? AND status <> 'FAILED' "
                        + "AND period_from <= ? AND period_to >= ? AND NOT (period_from = ? AND period_to = ?) LIMIT 1", ROW, communityId,
                Date.valueOf(period.to()), Date.valueOf(period.from()), Date.valueOf(period.from()), Date.valueOf(period.to())).stream().findFirst();
    }

    @Override
    public List<Allocation> list(UUID communityId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM interest_allocation WHERE community_id = ? ORDER BY period_from DESC, requested_at DESC", ROW,
                communityId);
    }

    @Override
    public void finished(UUID id, Status status, Long allocatedFen, Integer subAccounts, String detail, Instant at) {
        jdbc.update("UPDATE interest_allocation SET status = ?, allocated_fen = ?, sub_accounts = ?, detail = ?, finished_at = ? WHERE id = ?",
                status.name(), allocatedFen, subAccounts, detail, Timestamp.from(at), id);
    }

    @Override
    public void share(UUID regionAllocationId, UUID communityId, InterestPeriod period, String bankReference, long allocatedFen, int subAccounts,
                      String requestedBy, Instant at) {
        jdbc.update("""
                INSERT INTO interest_allocation (id, community_id, period_from, period_to, amount_fen, rate_bp, bank_reference, status,
                                                 allocated_fen, sub_accounts, requested_by, requested_at, finished_at, region_allocation_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'DONE', ?, ?, ?, ?, ?, ?)""", dev.commonhold.platform.ids.Ids.newId(), communityId,
                Date.valueOf(period.from()), Date.valueOf(period.to()), period.amountFen() == null ? null : allocatedFen, period.rateBasisPoints(),
                bankReference, allocatedFen, subAccounts, requestedBy, Timestamp.from(at), Timestamp.from(at), regionAllocationId);
    }

    @Override
    public int failInterrupted(Instant at) {
        return jdbc.update("UPDATE interest_allocation SET status = 'FAILED', detail = 'interrupted by a restart: nothing was credited; request it again', "
                + "finished_at = ? WHERE status = 'RUNNING'", Timestamp.from(at));
    }
}
