package dev.commonhold.leasing.leases.messaging;

import dev.commonhold.leasing.leases.app.LeaseCharges;
import dev.commonhold.leasing.leases.domain.DepositStatement;
import dev.commonhold.platform.messaging.NewEvent;
import dev.commonhold.platform.messaging.outbox.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Keeps each charge and publishes it with the shared charge payload (contracts/events/shared/charge.v1) in one transaction. */
@Component
class OutboxLeaseCharges implements LeaseCharges {

    static final String RAISED = "leasing.charge-raised.v1";
    static final String CANCELLED = "leasing.charge-cancelled.v1";
    private static final String COLUMNS = "id, lease_id, kind, revenue_class, amount_fen, period_start, period_end, due_on, description, settled_fen, "
            + "paid_at, cancelled_at, cancel_reason, raised_at";
    private static final RowMapper<Charge> CHARGE = (rs, i) -> new Charge(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getLong(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
            rs.getObject(8, LocalDate.class), rs.getString(9), rs.getLong(10), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)),
            rs.getString(13), rs.getTimestamp(14).toInstant());

    private final JdbcTemplate jdbc;
    private final Outbox outbox;

    OutboxLeaseCharges(JdbcTemplate jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Override
    public void raise(NewCharge c, Instant at) {
        if (jdbc.update("INSERT INTO lease_charge (id, lease_id, community_id, kind, revenue_class, amount_fen, period_start, period_end, due_on, "
                + "description, raised_at, replaces_charge_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING", c.id(), c.leaseId(),
                c.communityId(), c.kind().name(), c.kind() == Kind.LATE_FEE ? c.baseRevenueClass() : c.revenueClass(), c.amountFen(),
                date(c.periodStart()), date(c.periodEnd()), Date.valueOf(c.dueOn()), c.description(), Timestamp.from(at), c.replacesChargeId()) == 0) {
            return; // raised before: its event is on its way or delivered
        }
        Map<String, Object> payer = new HashMap<>();
        payer.put("kind", "tenant");
        payer.put("unitId", null);
        payer.put("reference", c.payerReference());
        payer.put("name", c.payerName().length() > 100 ? c.payerName().substring(0, 100) : c.payerName());
        Map<String, Object> payload = new HashMap<>();
        payload.put("chargeId", c.id().toString());
        payload.put("communityId", c.communityId().toString());
        payload.put("payer", payer);
        payload.put("revenueClass", c.revenueClass());
        if (c.baseRevenueClass() != null) {
            payload.put("baseRevenueClass", c.baseRevenueClass());
        }
        payload.put("amountFen", c.amountFen());
        payload.put("currency", "CNY");
        payload.put("periodStart", c.periodStart() == null ? null : c.periodStart().toString());
        payload.put("periodEnd", c.periodEnd() == null ? null : c.periodEnd().toString());
        payload.put("dueOn", c.dueOn().toString());
        payload.put("description", c.description().length() > 200 ? c.description().substring(0, 200) : c.description());
        payload.put("sourceReference", "leasing:" + c.kind().name().toLowerCase() + ":" + c.payerReference());
        payload.put("replacesChargeId", c.replacesChargeId() == null ? null : c.replacesChargeId().toString());
        outbox.append(new NewEvent(RAISED, c.communityId(), c.id(), payload, NewEvent.PartitionKey.COMMUNITY));
    }

    @Override
    public void cancel(UUID chargeId, String reason, Instant at) {
        List<UUID> community = jdbc.queryForList("UPDATE lease_charge SET cancelled_at = ?, cancel_reason = ? WHERE id = ? AND cancelled_at IS NULL "
                + "RETURNING community_id", UUID.class, Timestamp.from(at), reason, chargeId);
        if (!community.isEmpty()) {
            outbox.append(new NewEvent(CANCELLED, community.getFirst(), chargeId, Map.of("chargeId", chargeId.toString(), "communityId",
                    community.getFirst().toString(), "reason", reason), NewEvent.PartitionKey.COMMUNITY));
        }
    }

    @Override
    public UUID leaseOf(UUID chargeId) {
        return jdbc.query("SELECT lease_id FROM lease_charge WHERE id = ?", (rs, i) -> rs.getObject(1, UUID.class), chargeId).stream().findFirst()
                .orElse(null);
    }

    @Override
    public Settled settled(UUID settlementId, UUID chargeId, long amountFen, Instant settledAt) {
        List<Charge> before = jdbc.query("SELECT " + COLUMNS + " FROM lease_charge WHERE id = ? FOR UPDATE", CHARGE, chargeId);
        if (before.isEmpty() || jdbc.update("INSERT INTO lease_settlement (settlement_id, charge_id, amount_fen, settled_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", settlementId, chargeId, amountFen, Timestamp.from(settledAt)) == 0) {
            return null;
        }
        Charge was = before.getFirst();
        boolean full = was.settledFen() < was.amountFen() && was.settledFen() + amountFen >= was.amountFen();
        jdbc.update("UPDATE lease_charge SET settled_fen = settled_fen + ?, paid_at = CASE WHEN ? THEN ? ELSE paid_at END WHERE id = ?", amountFen,
                full, Timestamp.from(settledAt), chargeId);
        return new Settled(jdbc.queryForObject("SELECT " + COLUMNS + " FROM lease_charge WHERE id = ?", CHARGE, chargeId), full);
    }

    @Override
    public Settled reversed(UUID settlementId, UUID reversalId, String reason, Instant at) {
        List<Object[]> found = jdbc.query("SELECT s.charge_id, s.amount_fen FROM lease_settlement s WHERE s.settlement_id = ?",
                (rs, i) -> new Object[]{rs.getObject(1, UUID.class), rs.getLong(2)}, settlementId);
        if (found.isEmpty() || jdbc.update("INSERT INTO lease_settlement_reversal (settlement_id, reversal_id, amount_fen, reason, reversed_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", settlementId, reversalId, found.getFirst()[1], reason, Timestamp.from(at)) == 0) {
            return null;
        }
        UUID chargeId = (UUID) found.getFirst()[0];
        jdbc.update("UPDATE lease_charge SET settled_fen = settled_fen - ?, paid_at = NULL WHERE id = ?", found.getFirst()[1], chargeId);
        return new Settled(jdbc.queryForObject("SELECT " + COLUMNS + " FROM lease_charge WHERE id = ?", CHARGE, chargeId), false);
    }

    @Override
    public List<Charge> ofLease(UUID leaseId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lease_charge WHERE lease_id = ? ORDER BY due_on, raised_at, id", CHARGE, leaseId);
    }

    @Override
    public List<DepositStatement.Owed> unpaid(UUID leaseId) {
        return jdbc.query("SELECT id, kind, revenue_class, due_on, amount_fen FROM lease_charge WHERE lease_id = ? AND kind <> 'DEPOSIT' "
                + "AND cancelled_at IS NULL AND settled_fen = 0 ORDER BY due_on, id", (rs, i) -> new DepositStatement.Owed(rs.getObject(1, UUID.class),
                rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getLong(5)), leaseId);
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
