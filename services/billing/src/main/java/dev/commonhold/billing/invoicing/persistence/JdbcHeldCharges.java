package dev.commonhold.billing.invoicing.persistence;

import dev.commonhold.billing.invoicing.app.ChargeIntake;
import dev.commonhold.billing.invoicing.app.HeldCharges;
import dev.commonhold.platform.messaging.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.UUID;

@Repository
class JdbcHeldCharges implements HeldCharges {

    /** A cancellation-after-payment entry has no charge payload to replay: it is listed for staff only. */
    private static final RowMapper<Held> HELD = (rs, i) -> new Held(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
            rs.getString(3).equals("cancellation") ? null : ChargeIntake.Charge.of(EventJson.readTree(rs.getString(4))), rs.getString(5),
            rs.getTimestamp(6).toInstant());

    private final JdbcTemplate jdbc;

    JdbcHeldCharges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void hold(ChargeIntake.Charge charge, String sourceType, String rawPayload, String reason) {
        jdbc.update("""
                INSERT INTO held_charge (charge_id, community_id, source_type, payload, reason) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (charge_id) DO NOTHING""", charge.chargeId(), charge.communityId(), sourceType, rawPayload, reason);
    }

    @Override
    public void cancel(UUID chargeId, String reason) {
        jdbc.update("INSERT INTO cancelled_charge (charge_id, reason) VALUES (?, ?) ON CONFLICT DO NOTHING", chargeId, reason);
        jdbc.update("UPDATE held_charge SET released_at = now(), reason = 'cancelled: ' || ? WHERE charge_id = ? AND released_at IS NULL", reason, chargeId);
        int cancelled = jdbc.update("UPDATE invoice_line SET cancelled_at = now(), cancel_reason = ? WHERE charge_id = ? AND paid_fen = 0 AND cancelled_at IS NULL",
                reason, chargeId);
        if (cancelled == 0) {
            // Already (partly) paid: the money was settled and posted; staff decide between credit and refund. Listed, never silent.
            jdbc.update("""
                    INSERT INTO held_charge (charge_id, community_id, source_type, payload, reason)
                    SELECT l.charge_id, l.community_id, 'cancellation', '{}', 'cancelled after payment (' || l.paid_fen || ' fen paid): credit or refund by staff — ' || ?
                    FROM invoice_line l WHERE l.charge_id = ? AND l.paid_fen > 0 ON CONFLICT (charge_id) DO NOTHING""", reason, chargeId);
        }
    }

    @Override
    public List<Held> waiting(int limit) {
        return jdbc.query("""
                SELECT charge_id, community_id, source_type, payload, reason, received_at FROM held_charge
                WHERE released_at IS NULL AND source_type <> 'cancellation' ORDER BY received_at LIMIT ?""", HELD, limit);
    }

    @Override
    public List<Held> ofCommunity(UUID communityId) {
        return jdbc.query("""
                SELECT charge_id, community_id, source_type, payload, reason, received_at FROM held_charge
                WHERE released_at IS NULL AND community_id = ? ORDER BY received_at""", HELD, communityId);
    }

    @Override
    public void released(UUID chargeId) {
        jdbc.update("UPDATE held_charge SET released_at = now() WHERE charge_id = ?", chargeId);
    }

    @Override
    public boolean cancelled(UUID chargeId) {
        return !jdbc.queryForList("SELECT 1 FROM cancelled_charge WHERE charge_id = ?", Integer.class, chargeId).isEmpty();
    }
}
