package dev.commonhold.parking.charges.messaging;

import dev.commonhold.parking.charges.app.ParkingCharges;
import dev.commonhold.platform.messaging.NewEvent;
import dev.commonhold.platform.messaging.outbox.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Keeps each charge and publishes it with the shared charge payload (contracts/events/shared/charge.v1) in one transaction. */
@Component
class OutboxParkingCharges implements ParkingCharges {

    static final String RAISED = "parking.charge-raised.v1";

    private final JdbcTemplate jdbc;
    private final Outbox outbox;

    OutboxParkingCharges(JdbcTemplate jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Override
    public void raise(NewCharge c, Instant at) {
        jdbc.update("INSERT INTO parking_charge (id, community_id, lot_id, source, source_id, revenue_class, amount_fen, unit_id, raised_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", c.id(), c.communityId(), c.lotId(), c.source().name(), c.sourceId(), c.revenueClass(),
                c.amountFen(), c.unitId(), Timestamp.from(at));
        Map<String, Object> payer = new HashMap<>();
        payer.put("kind", c.payerKind());
        payer.put("unitId", c.unitId() == null ? null : c.unitId().toString());
        payer.put("reference", c.payerReference());
        payer.put("name", c.payerName());
        Map<String, Object> payload = new HashMap<>();
        payload.put("chargeId", c.id().toString());
        payload.put("communityId", c.communityId().toString());
        payload.put("payer", payer);
        payload.put("revenueClass", c.revenueClass());
        payload.put("amountFen", c.amountFen());
        payload.put("currency", "CNY");
        payload.put("periodStart", c.periodStart() == null ? null : c.periodStart().toString());
        payload.put("periodEnd", c.periodEnd() == null ? null : c.periodEnd().toString());
        payload.put("dueOn", c.dueOn().toString());
        payload.put("description", c.description().length() > 200 ? c.description().substring(0, 200) : c.description());
        payload.put("sourceReference", "parking:" + c.source().name().toLowerCase() + ":" + c.sourceId());
        outbox.append(new NewEvent(RAISED, c.communityId(), c.id(), payload, NewEvent.PartitionKey.COMMUNITY));
    }

    @Override
    public Settled settled(UUID settlementId, UUID chargeId, long amountFen, Instant settledAt) {
        List<Settled> charge = jdbc.query("SELECT source, source_id, lot_id, revenue_class, amount_fen, settled_fen FROM parking_charge "
                + "WHERE id = ? FOR UPDATE", (rs, i) -> {
            long settled = rs.getLong(6);
            int inserted = jdbc.update("INSERT INTO parking_settlement (settlement_id, charge_id, lot_id, revenue_class, amount_fen, settled_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", settlementId, chargeId, rs.getObject(3, UUID.class), rs.getString(4),
                    amountFen, Timestamp.from(settledAt));
            if (inserted == 0) {
                return null;
            }
            jdbc.update("UPDATE parking_charge SET settled_fen = settled_fen + ? WHERE id = ?", amountFen, chargeId);
            return new Settled(Source.valueOf(rs.getString(1)), rs.getObject(2, UUID.class), settled + amountFen >= rs.getLong(5));
        }, chargeId);
        return charge.isEmpty() ? null : charge.getFirst();
    }

    @Override
    public Settled reversed(UUID settlementId, UUID reversalId, String reason, Instant at) {
        List<Settled> found = jdbc.query("SELECT c.id, c.source, c.source_id, s.amount_fen FROM parking_settlement s JOIN parking_charge c ON c.id = s.charge_id "
                + "WHERE s.settlement_id = ? FOR UPDATE OF c", (rs, i) -> {
            int inserted = jdbc.update("INSERT INTO parking_settlement_reversal (settlement_id, reversal_id, amount_fen, reason, reversed_at) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", settlementId, reversalId, rs.getLong(4), reason, Timestamp.from(at));
            if (inserted == 0) {
                return null;
            }
            jdbc.update("UPDATE parking_charge SET settled_fen = settled_fen - ? WHERE id = ?", rs.getLong(4), rs.getObject(1, UUID.class));
            return new Settled(Source.valueOf(rs.getString(2)), rs.getObject(3, UUID.class), false);
        }, settlementId);
        return found.isEmpty() ? null : found.getFirst();
    }
}
