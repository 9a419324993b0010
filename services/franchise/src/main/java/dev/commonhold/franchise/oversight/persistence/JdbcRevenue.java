package dev.commonhold.franchise.oversight.persistence;

import dev.commonhold.franchise.oversight.app.RevenueStore;
import dev.commonhold.franchise.oversight.domain.Overcharge;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Repository
class JdbcRevenue implements RevenueStore {

    private final JdbcTemplate jdbc;

    JdbcRevenue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean addRevenue(UUID settlementId, UUID agreementId, UUID communityId, String revenueClass, UUID chargeId, long amountFen, Instant settledAt,
                              int year) {
        return jdbc.update("""
                INSERT INTO revenue_line (settlement_id, agreement_id, community_id, revenue_class, charge_id, amount_fen, settled_at, year)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (settlement_id) DO NOTHING""", settlementId, agreementId, communityId, revenueClass, chargeId,
                amountFen, Timestamp.from(settledAt), year) == 1;
    }

    @Override
    public void reverseRevenue(UUID settlementId, Instant at) {
        jdbc.update("UPDATE revenue_line SET reversed_at = ? WHERE settlement_id = ? AND reversed_at IS NULL", Timestamp.from(at), settlementId);
    }

    @Override
    public Map<String, Long> revenueByClass(UUID agreementId, int year) {
        Map<String, Long> byClass = new LinkedHashMap<>();
        jdbc.query("SELECT revenue_class, sum(amount_fen) FROM revenue_line WHERE agreement_id = ? AND year = ? AND reversed_at IS NULL "
                + "GROUP BY revenue_class ORDER BY revenue_class", rs -> {
            byClass.put(rs.getString(1), rs.getLong(2));
        }, agreementId, year);
        return byClass;
    }

    @Override
    public Map<UUID, Long> revenueByCommunity(UUID agreementId, int year) {
        Map<UUID, Long> byCommunity = new LinkedHashMap<>();
        jdbc.query("SELECT community_id, sum(amount_fen) FROM revenue_line WHERE agreement_id = ? AND year = ? AND reversed_at IS NULL "
                + "GROUP BY community_id", rs -> {
            byCommunity.put(rs.getObject(1, UUID.class), rs.getLong(2));
        }, agreementId, year);
        return byCommunity;
    }

    @Override
    public void observe(UUID chargeId, UUID agreementId, UUID communityId, String revenueClass, long amountFen, LocalDate servedFrom, LocalDate servedTo,
                        String sourceReference, Overcharge over) {
        jdbc.update("""
                INSERT INTO observed_charge (charge_id, agreement_id, community_id, revenue_class, amount_fen, served_from, served_to, source_reference,
                    over_cap_most_fen, cap_index, cap_reference)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (charge_id) DO NOTHING""", chargeId, agreementId, communityId, revenueClass, amountFen,
                Date.valueOf(servedFrom), Date.valueOf(servedTo), sourceReference, over == null ? null : over.mostFen(),
                over == null ? null : over.capIndex(), over == null ? null : over.capReference());
    }

    @Override
    public void cancel(UUID chargeId) {
        jdbc.update("UPDATE observed_charge SET cancelled = true WHERE charge_id = ?", chargeId);
    }

    @Override
    public List<Overcharge> overcharges(UUID agreementId, int year) {
        return jdbc.query("""
                SELECT charge_id, revenue_class, source_reference, served_to, amount_fen, over_cap_most_fen, cap_index, cap_reference
                FROM observed_charge WHERE agreement_id = ? AND over_cap_most_fen IS NOT NULL AND NOT cancelled
                  AND served_to BETWEEN ? AND ? ORDER BY served_to, charge_id""", (rs, i) -> new Overcharge(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getDate(4).toLocalDate(), rs.getLong(5), rs.getLong(6), rs.getInt(7), rs.getString(8)), agreementId,
                Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)));
    }
}
