package dev.commonhold.fund.accounts.messaging;

import dev.commonhold.fund.accounts.app.FundCharges;
import dev.commonhold.platform.messaging.NewEvent;
import dev.commonhold.platform.messaging.outbox.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The fund's charges, kept and published in one transaction (outbox) as fund.charge-raised.v1 with
 * the shared charge payload (contracts/events/shared/charge.v1): billing invoices each once.
 */
@Component
class OutboxFundCharges implements FundCharges {

    static final String RAISED = "fund.charge-raised.v1";
    static final String CANCELLED = "fund.charge-cancelled.v1";

    private final JdbcTemplate jdbc;
    private final Outbox outbox;

    OutboxFundCharges(JdbcTemplate jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Override
    public boolean raise(Charge c, String payerReference, String payerName, String description, LocalDate dueOn, Instant at) {
        int inserted = jdbc.update("INSERT INTO fund_charge (id, community_id, unit_id, kind, amount_fen, raised_at, project_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", c.id(), c.communityId(), c.unitId(), c.kind().name(), c.amountFen(),
                Timestamp.from(at), c.projectId());
        if (inserted == 0) {
            return false;
        }
        Map<String, Object> payer = new HashMap<>();
        payer.put("kind", "unit");
        payer.put("unitId", c.unitId().toString());
        payer.put("reference", payerReference);
        payer.put("name", payerName);
        Map<String, Object> payload = new HashMap<>();
        payload.put("chargeId", c.id().toString());
        payload.put("communityId", c.communityId().toString());
        payload.put("payer", payer);
        payload.put("revenueClass", "fund_deposit");
        payload.put("amountFen", c.amountFen());
        payload.put("currency", "CNY");
        payload.put("dueOn", dueOn.toString());
        payload.put("description", description.length() > 200 ? description.substring(0, 200) : description);
        payload.put("sourceReference", "fund:" + c.kind().name().toLowerCase() + ":" + c.id());
        outbox.append(new NewEvent(RAISED, c.communityId(), c.id(), payload, NewEvent.PartitionKey.COMMUNITY));
        return true;
    }

    @Override
    public Optional<Charge> lock(UUID chargeId) {
        return jdbc.query("SELECT id, community_id, unit_id, kind, amount_fen, settled_fen, project_id FROM fund_charge WHERE id = ? FOR UPDATE",
                (rs, i) -> new Charge(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        Kind.valueOf(rs.getString(4)), rs.getLong(5), rs.getLong(6), rs.getObject(7, UUID.class)), chargeId).stream().findFirst();
    }

    @Override
    public int cancelOpen(UUID communityId, UUID unitId, String reason) {
        List<UUID> open = jdbc.queryForList("SELECT id FROM fund_charge WHERE unit_id = ? AND settled_fen < amount_fen AND cancelled_at IS NULL "
                + "ORDER BY id FOR UPDATE", UUID.class, unitId);
        for (UUID id : open) {
            jdbc.update("UPDATE fund_charge SET cancelled_at = now() WHERE id = ?", id);
            outbox.append(new NewEvent(CANCELLED, communityId, id, Map.of("chargeId", id.toString(), "communityId", communityId.toString(),
                    "reason", reason.length() > 200 ? reason.substring(0, 200) : reason), NewEvent.PartitionKey.COMMUNITY));
        }
        return open.size();
    }

    @Override
    public void settled(UUID chargeId, long fen) {
        jdbc.update("UPDATE fund_charge SET settled_fen = settled_fen + ? WHERE id = ?", fen, chargeId);
    }
}
