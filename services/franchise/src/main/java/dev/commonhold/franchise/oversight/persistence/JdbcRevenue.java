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
    public void addRevenue(List<RevenueLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.update("""
                INSERT INTO revenue_line (settlement_id, community_id, revenue_class, charge_id, amount_fen, settled_at, year)
                SELECT s, c, k, ch, fen, at::timestamptz, y FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::bigint[], ?::text[], ?::int[])
                    AS l(s, c, k, ch, fen, at, y)
                ON CONFLICT (settlement_id) DO NOTHING""",
                lines.stream().map(RevenueLine::settlementId).toArray(UUID[]::new), lines.stream().map(RevenueLine::communityId).toArray(UUID[]::new),
                lines.stream().map(RevenueLine::revenueClass).toArray(String[]::new), lines.stream().map(RevenueLine::chargeId).toArray(UUID[]::new),
                lines.stream().map(RevenueLine::amountFen).toArray(Long[]::new),
                lines.stream().map(l -> l.settledAt().toString()).toArray(String[]::new),
                lines.stream().map(RevenueLine::year).toArray(Integer[]::new));
    }

    /** The agreement's lines: its coverage joined, settled in the year from its term's first moment, not reversed. */
    private static final String COVERED = """
            FROM revenue_line r JOIN coverage c ON c.community_id = r.community_id AND c.revenue_class = r.revenue_class
            WHERE c.agreement_id = ? AND r.year = ? AND r.settled_at >= ? AND r.settled_at < ? AND r.reversed_at IS NULL
            """;

    @Override
    public void reverseRevenue(UUID settlementId, Instant at) {
        jdbc.update("UPDATE revenue_line SET reversed_at = ? WHERE settlement_id = ? AND reversed_at IS NULL", Timestamp.from(at), settlementId);
    }

    @Override
    public Ledger ledger(UUID agreementId, int year, Instant from, Instant until) {
        Map<String, Long> byClass = new LinkedHashMap<>();
        long[] payments = {0};
        jdbc.query("SELECT r.revenue_class, sum(r.amount_fen), count(*) " + COVERED + "GROUP BY r.revenue_class ORDER BY r.revenue_class", rs -> {
            byClass.put(rs.getString(1), rs.getLong(2));
            payments[0] += rs.getLong(3);
        }, agreementId, year, Timestamp.from(from), Timestamp.from(until));
        return new Ledger(byClass, payments[0]);
    }

    @Override
    public Map<UUID, Long> revenueByCommunity(UUID agreementId, int year, Instant from, Instant until) {
        Map<UUID, Long> byCommunity = new LinkedHashMap<>();
        jdbc.query("SELECT r.community_id, sum(r.amount_fen) " + COVERED + "GROUP BY r.community_id", rs -> {
            byCommunity.put(rs.getObject(1, UUID.class), rs.getLong(2));
        }, agreementId, year, Timestamp.from(from), Timestamp.from(until));
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
    public List<Observed> observed(java.util.Collection<UUID> communities, java.util.Collection<String> classes, LocalDate from) {
        return jdbc.query("""
                SELECT charge_id, revenue_class, amount_fen, served_from, served_to, source_reference FROM observed_charge
                WHERE community_id = ANY (?::uuid[]) AND revenue_class = ANY (?::text[]) AND served_to >= ? AND NOT cancelled""",
                (rs, i) -> new Observed(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getDate(4).toLocalDate(),
                        rs.getDate(5).toLocalDate(), rs.getString(6)),
                communities.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}")),
                classes.stream().collect(java.util.stream.Collectors.joining(",", "{", "}")), Date.valueOf(from));
    }

    @Override
    public void checked(UUID chargeId, UUID agreementId, Overcharge over) {
        jdbc.update("UPDATE observed_charge SET agreement_id = ?, over_cap_most_fen = ?, cap_index = ?, cap_reference = ? WHERE charge_id = ?",
                agreementId, over == null ? null : over.mostFen(), over == null ? null : over.capIndex(), over == null ? null : over.capReference(),
                chargeId);
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
