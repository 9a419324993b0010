package dev.commonhold.billing.invoicing.persistence;

import dev.commonhold.billing.invoicing.app.FeePlanStore;
import dev.commonhold.billing.invoicing.domain.BillingCycle;
import dev.commonhold.billing.invoicing.domain.FeePlan;
import dev.commonhold.billing.invoicing.domain.LateFee;
import dev.commonhold.billing.invoicing.domain.UnitPrice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcFeePlans implements FeePlanStore {

    private final JdbcTemplate jdbc;

    JdbcFeePlans(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<FeePlan> find(UUID communityId) {
        List<UnitPrice> prices = jdbc.query("SELECT use, effective_from, fen_per_m2_month FROM fee_price WHERE community_id = ? ORDER BY use, effective_from",
                (rs, i) -> new UnitPrice(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3)), communityId);
        return jdbc.query("SELECT name, cycle, due_days, late_fee_bp_per_day, late_fee_cap_bp FROM fee_plan WHERE community_id = ?",
                (rs, i) -> new FeePlan(rs.getString(1), BillingCycle.valueOf(rs.getString(2)), rs.getInt(3),
                        new LateFee(rs.getInt(4), rs.getInt(5)), prices), communityId).stream().findFirst();
    }

    @Override
    public void put(UUID communityId, FeePlan plan, String by) {
        jdbc.update("""
                INSERT INTO fee_plan (community_id, name, cycle, due_days, late_fee_bp_per_day, late_fee_cap_bp, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (community_id) DO UPDATE SET name = excluded.name, cycle = excluded.cycle, due_days = excluded.due_days,
                    late_fee_bp_per_day = excluded.late_fee_bp_per_day, late_fee_cap_bp = excluded.late_fee_cap_bp,
                    updated_by = excluded.updated_by, updated_at = now()""",
                communityId, plan.name(), plan.cycle().name(), plan.dueDays(), plan.lateFee().basisPointsPerDay(),
                plan.lateFee().capBasisPoints(), by);
        jdbc.update("DELETE FROM fee_price WHERE community_id = ?", communityId);
        jdbc.batchUpdate("INSERT INTO fee_price (community_id, use, effective_from, fen_per_m2_month) VALUES (?, ?, ?, ?)",
                plan.prices(), 100, (ps, p) -> {
                    ps.setObject(1, communityId);
                    ps.setString(2, p.use());
                    ps.setObject(3, p.effectiveFrom());
                    ps.setLong(4, p.fenPerSquareMetreMonth());
                });
    }
}
