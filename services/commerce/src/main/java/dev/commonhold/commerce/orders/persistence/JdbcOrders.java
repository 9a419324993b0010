package dev.commonhold.commerce.orders.persistence;

import dev.commonhold.commerce.merchants.domain.OfferingKind;
import dev.commonhold.commerce.orders.app.OrderStore;
import dev.commonhold.commerce.orders.domain.Order;
import dev.commonhold.commerce.orders.domain.OrderPrice;
import dev.commonhold.commerce.orders.domain.OrderStatus;
import dev.commonhold.commerce.orders.domain.RefundSplit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcOrders implements OrderStore {

    static final String COLUMNS = "id, number, community_id, merchant_id, offering_id, kind, quantity, service_date, placed_via, buyer_login, "
            + "buyer_name, buyer_birth_date, age_verified_by, unit_price_fen, gross_fen, subsidy_fen, payer_fen, community_commission_fen, "
            + "operator_commission_fen, merchant_fen, status, refunded_fen, placed_by, placed_at, pay_by, paid_at, fulfilled_at, cancelled_at, "
            + "cancel_reason, stored_at, compartment, settlement_id, subsidy_claim_id";
    static final RowMapper<Order> ORDER = (rs, i) -> new Order(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
            rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), OfferingKind.valueOf(rs.getString(6)), rs.getInt(7),
            rs.getObject(8, LocalDate.class), Order.Via.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getObject(12, LocalDate.class),
            rs.getString(13), rs.getLong(14), new OrderPrice(rs.getLong(15), rs.getLong(16), rs.getLong(17), rs.getLong(18), rs.getLong(19),
            rs.getLong(20)), OrderStatus.valueOf(rs.getString(21)), rs.getLong(22), rs.getString(23), instant(rs.getTimestamp(24)),
            instant(rs.getTimestamp(25)), instant(rs.getTimestamp(26)), instant(rs.getTimestamp(27)), instant(rs.getTimestamp(28)), rs.getString(29),
            instant(rs.getTimestamp(30)), rs.getString(31), rs.getObject(32, UUID.class), rs.getObject(33, UUID.class));

    private final JdbcTemplate jdbc;

    JdbcOrders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String nextNumber(LocalDate day) {
        return "DD%s%06d".formatted(day.toString().replace("-", ""), jdbc.queryForObject("SELECT nextval('order_number')", Long.class));
    }

    @Override
    public void insert(Order o) {
        OrderPrice p = o.price();
        jdbc.update("INSERT INTO customer_order (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                o.id(), o.number(), o.communityId(), o.merchantId(), o.offeringId(), o.kind().name(), o.quantity(), Date.valueOf(o.serviceDate()),
                o.placedVia().name(), o.buyerLogin(), o.buyerName(), o.buyerBirthDate() == null ? null : Date.valueOf(o.buyerBirthDate()),
                o.ageVerifiedBy(), o.unitPriceFen(), p.grossFen(), p.subsidyFen(), p.payerFen(), p.communityCommissionFen(), p.operatorCommissionFen(),
                p.merchantFen(), o.status().name(), o.refundedFen(), o.placedBy(), ts(o.placedAt()), ts(o.payBy()), ts(o.paidAt()), ts(o.fulfilledAt()),
                ts(o.cancelledAt()), o.cancelReason(), ts(o.storedAt()), o.compartment(), o.settlementId(), o.subsidyClaimId());
    }

    @Override
    public Optional<Order> find(UUID communityId, UUID orderId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM customer_order WHERE community_id = ? AND id = ?", ORDER, communityId, orderId).stream().findFirst();
    }

    @Override
    public Optional<Order> lock(UUID orderId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM customer_order WHERE id = ? FOR UPDATE", ORDER, orderId).stream().findFirst();
    }

    @Override
    public void status(UUID orderId, OrderStatus status, Instant at, String cancelReason) {
        String stamp = switch (status) {
            case PAID -> "paid_at";
            case FULFILLED -> "fulfilled_at";
            case CANCELLED -> "cancelled_at";
            default -> throw new IllegalArgumentException(status.name());
        };
        jdbc.update("UPDATE customer_order SET status = ?, " + stamp + " = ?, cancel_reason = coalesce(?, cancel_reason) WHERE id = ?", status.name(),
                ts(at), cancelReason, orderId);
    }

    @Override
    public void priced(Order o) {
        OrderPrice p = o.price();
        jdbc.update("UPDATE customer_order SET unit_price_fen = ?, gross_fen = ?, subsidy_fen = ?, payer_fen = ?, community_commission_fen = ?, "
                + "operator_commission_fen = ?, merchant_fen = ?, status = ? WHERE id = ?", o.unitPriceFen(), p.grossFen(), p.subsidyFen(), p.payerFen(),
                p.communityCommissionFen(), p.operatorCommissionFen(), p.merchantFen(), o.status().name(), o.id());
    }

    @Override
    public void insertRefund(UUID refundId, UUID orderId, RefundSplit s, String reason, String by, Instant at) {
        jdbc.update("INSERT INTO order_refund (id, order_id, amount_fen, community_commission_fen, operator_commission_fen, merchant_fen, reason, "
                + "refunded_by, refunded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", refundId, orderId, s.amountFen(), s.communityCommissionFen(),
                s.operatorCommissionFen(), s.merchantFen(), reason, by, ts(at));
        jdbc.update("UPDATE customer_order SET refunded_fen = refunded_fen + ? WHERE id = ?", s.amountFen(), orderId);
    }

    @Override
    public long[] refundedParts(UUID orderId) {
        return jdbc.queryForObject("SELECT coalesce(sum(community_commission_fen), 0), coalesce(sum(operator_commission_fen), 0), "
                + "coalesce(sum(merchant_fen), 0) FROM order_refund WHERE order_id = ?", (rs, i) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)},
                orderId);
    }

    @Override
    public List<Refund> refunds(UUID orderId) {
        return jdbc.query("SELECT id, amount_fen, community_commission_fen, operator_commission_fen, merchant_fen, reason, refunded_at, settlement_id "
                + "FROM order_refund WHERE order_id = ? ORDER BY refunded_at, id", (rs, i) -> new Refund(rs.getObject(1, UUID.class), rs.getLong(2),
                rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getObject(8, UUID.class)), orderId);
    }

    @Override
    public List<Order> list(UUID communityId, UUID merchantId, String buyerLogin, OrderStatus status, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM customer_order WHERE community_id = ?");
        List<Object> args = new ArrayList<>(List.of(communityId));
        if (merchantId != null) {
            sql.append(" AND merchant_id = ?");
            args.add(merchantId);
        }
        if (buyerLogin != null) {
            sql.append(" AND buyer_login = lower(?)");
            args.add(buyerLogin);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.name());
        }
        sql.append(" ORDER BY placed_at DESC, id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ORDER, args.toArray());
    }

    @Override
    public List<UUID> unpaidPast(Instant now, int limit) {
        return jdbc.queryForList("SELECT id FROM customer_order WHERE status = 'PLACED' AND pay_by IS NOT NULL AND pay_by < ? ORDER BY pay_by LIMIT ? "
                + "FOR UPDATE SKIP LOCKED", UUID.class, ts(now), limit);
    }

    @Override
    public List<UUID> cancelledWithOpenCharges(Instant before, int limit) {
        return jdbc.queryForList("SELECT o.id FROM customer_order o WHERE o.status = 'CANCELLED' AND o.cancelled_at < ? AND EXISTS (SELECT 1 FROM "
                + "order_charge c WHERE c.order_id = o.id AND c.cancelled_at IS NULL AND c.settled_fen < c.amount_fen) LIMIT ?", UUID.class, ts(before), limit);
    }

    @Override
    public int subsidisedUnits(UUID communityId, String buyerLogin, String buyerName, LocalDate birthDate, String kind, LocalDate day) {
        // The subsidy is the person's, however they ordered: by their login or at the counter under their name and birth date.
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 13))", Object.class,
                communityId + "|" + buyerName + "|" + birthDate + "|" + kind + "|" + day);
        Integer units = jdbc.queryForObject("""
                SELECT count(*) FROM customer_order WHERE community_id = ? AND kind = ? AND service_date = ? AND subsidy_fen > 0 AND status <> 'CANCELLED'
                  AND ((buyer_name = ? AND buyer_birth_date = ?::date) OR buyer_login = ?)""", Integer.class,
                communityId, kind, Date.valueOf(day), buyerName, Date.valueOf(birthDate), buyerLogin);
        return units == null ? 0 : units;
    }

    @Override
    public void putElder(UUID communityId, String login, String name, LocalDate birthDate, String verifiedBy, Instant at) {
        jdbc.update("""
                INSERT INTO elder (community_id, login, name, birth_date, verified_by, verified_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (community_id, login) DO UPDATE SET name = excluded.name, birth_date = excluded.birth_date,
                    verified_by = excluded.verified_by, verified_at = excluded.verified_at""", communityId, login, name, Date.valueOf(birthDate),
                verifiedBy, ts(at));
    }

    @Override
    public Optional<Elder> elder(UUID communityId, String login) {
        return jdbc.query("SELECT login, name, birth_date, verified_by, verified_at FROM elder WHERE community_id = ? AND login = lower(?)",
                (rs, i) -> new Elder(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                        rs.getTimestamp(5).toInstant()), communityId, login).stream().findFirst();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
