package dev.commonhold.commerce.orders.messaging;

import dev.commonhold.commerce.orders.app.OrderCharges;
import dev.commonhold.commerce.orders.domain.Order;
import dev.commonhold.commerce.orders.domain.OrderPrice;
import dev.commonhold.platform.messaging.NewEvent;
import dev.commonhold.platform.messaging.outbox.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps each charge of an order and publishes it with the shared charge payload
 * (contracts/events/shared/charge.v1) in one transaction. A charge's id is derived from the order and
 * its class, so raising it again is harmless.
 */
@Component
class OutboxOrderCharges implements OrderCharges {

    static final String RAISED = "commerce.charge-raised.v1";
    static final String CANCELLED = "commerce.charge-cancelled.v1";
    private static final String COLUMNS = "id, order_id, revenue_class, amount_fen, settled_fen, cancelled_at";
    private static final RowMapper<Charge> CHARGE = (rs, i) -> new Charge(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
            rs.getLong(4), rs.getLong(5), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant());

    private final JdbcTemplate jdbc;
    private final Outbox outbox;

    OutboxOrderCharges(JdbcTemplate jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** The id of an order's charge of a class: stable, so a resend or a retry raises nothing twice. */
    static UUID chargeId(UUID orderId, String revenueClass) {
        return UUID.nameUUIDFromBytes(("commerce:" + orderId + ":" + revenueClass).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void raise(Order order, Instant at) {
        OrderPrice p = order.price();
        String offering = jdbc.queryForObject("SELECT name FROM offering WHERE id = ?", String.class, order.offeringId());
        Map<String, Long> parts = new LinkedHashMap<>();
        parts.put("merchant_proceeds", p.merchantFen());
        parts.put("commerce_commission", p.communityCommissionFen());
        parts.put("commerce_operator_commission", p.operatorCommissionFen());
        parts.forEach((revenueClass, fen) -> {
            if (fen > 0) {
                raise(order, offering, revenueClass, fen, at);
            }
        });
    }

    private void raise(Order order, String offering, String revenueClass, long fen, Instant at) {
        UUID id = chargeId(order.id(), revenueClass);
        if (jdbc.update("INSERT INTO order_charge (id, order_id, revenue_class, amount_fen) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                id, order.id(), revenueClass, fen) == 0) {
            return;
        }
        Map<String, Object> payer = new HashMap<>();
        payer.put("kind", "customer");
        payer.put("unitId", null);
        payer.put("reference", order.number());
        payer.put("name", order.publicBuyerName());
        LocalDate day = order.serviceDate();
        String what = "%s ×%d · %s（%s）".formatted(offering, order.quantity(), order.number(), switch (revenueClass) {
            case "commerce_commission" -> "社区佣金";
            case "commerce_operator_commission" -> "运营方佣金";
            default -> "商户货款";
        });
        Map<String, Object> payload = new HashMap<>();
        payload.put("chargeId", id.toString());
        payload.put("communityId", order.communityId().toString());
        payload.put("payer", payer);
        payload.put("revenueClass", revenueClass);
        payload.put("amountFen", fen);
        payload.put("currency", "CNY");
        payload.put("periodStart", day.toString());
        payload.put("periodEnd", day.toString());
        payload.put("dueOn", day.toString());
        payload.put("description", what.length() > 200 ? what.substring(0, 200) : what);
        payload.put("sourceReference", "commerce:order:" + order.number());
        payload.put("replacesChargeId", null);
        outbox.append(new NewEvent(RAISED, order.communityId(), id, payload, NewEvent.PartitionKey.COMMUNITY));
    }

    @Override
    public void cancelOpen(UUID orderId, String reason, Instant at) {
        for (Charge c : jdbc.query("UPDATE order_charge SET cancelled_at = ? WHERE order_id = ? AND cancelled_at IS NULL AND settled_fen < amount_fen "
                + "RETURNING " + COLUMNS, CHARGE, Timestamp.from(at), orderId)) {
            UUID community = jdbc.queryForObject("SELECT community_id FROM customer_order WHERE id = ?", UUID.class, orderId);
            outbox.append(new NewEvent(CANCELLED, community, c.id(), Map.of("chargeId", c.id().toString(), "communityId", community.toString(),
                    "reason", reason.length() > 200 ? reason.substring(0, 200) : reason), NewEvent.PartitionKey.COMMUNITY));
        }
    }

    @Override
    public List<Charge> ofOrder(UUID orderId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM order_charge WHERE order_id = ? ORDER BY revenue_class", CHARGE, orderId);
    }

    @Override
    public UUID orderOf(UUID chargeId) {
        return jdbc.queryForList("SELECT order_id FROM order_charge WHERE id = ?", UUID.class, chargeId).stream().findFirst().orElse(null);
    }

    @Override
    public Charge settled(UUID settlementId, UUID chargeId, long amountFen, Instant settledAt) {
        if (jdbc.update("INSERT INTO order_charge_settlement (settlement_id, charge_id, amount_fen, settled_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                settlementId, chargeId, amountFen, Timestamp.from(settledAt)) == 0) {
            return null;
        }
        return jdbc.queryForObject("UPDATE order_charge SET settled_fen = settled_fen + ? WHERE id = ? RETURNING " + COLUMNS, CHARGE, amountFen, chargeId);
    }

    @Override
    public Reversed reversed(UUID settlementId, Instant at) {
        // What was settled stays as it was (append-only); the reversal is recorded beside it and becomes a refund of the order.
        List<Reversed> found = jdbc.query("SELECT c.id, c.order_id, c.revenue_class, c.amount_fen, c.settled_fen, c.cancelled_at, s.amount_fen "
                + "FROM order_charge_settlement s JOIN order_charge c ON c.id = s.charge_id WHERE s.settlement_id = ?",
                (rs, i) -> new Reversed(CHARGE.mapRow(rs, i), rs.getLong(7)), settlementId);
        if (found.isEmpty() || jdbc.update("INSERT INTO order_charge_reversal (settlement_id, amount_fen, reversed_at) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", settlementId, found.getFirst().amountFen(), Timestamp.from(at)) == 0) {
            return null;
        }
        return found.getFirst();
    }
}
