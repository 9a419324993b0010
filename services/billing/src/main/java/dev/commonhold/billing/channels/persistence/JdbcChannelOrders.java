package dev.commonhold.billing.channels.persistence;

import dev.commonhold.billing.channels.app.ChannelNotice;
import dev.commonhold.billing.channels.app.ChannelOrder;
import dev.commonhold.billing.channels.app.ChannelOrderStore;
import dev.commonhold.platform.ids.Ids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcChannelOrders implements ChannelOrderStore {

    private static final String COLUMNS = "id, out_trade_no, channel, community_id, unit_id, amount_fen, line_ids, created_at, expires_at, paid_payment_id";
    private static final RowMapper<ChannelOrder> ORDER = (rs, i) -> new ChannelOrder(rs.getObject(1, UUID.class), rs.getString(2),
            rs.getString(3), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getLong(6),
            Arrays.asList((UUID[]) rs.getArray(7).getArray()), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(),
            rs.getObject(10, UUID.class));

    private final JdbcTemplate jdbc;

    JdbcChannelOrders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(ChannelOrder o, String by) {
        jdbc.update("""
                INSERT INTO channel_order (id, out_trade_no, channel, community_id, unit_id, amount_fen, line_ids, created_at, created_by, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", o.id(), o.outTradeNo(), o.channel(), o.communityId(), o.unitId(), o.amountFen(),
                o.lineIds().toArray(UUID[]::new), Timestamp.from(o.createdAt()), by, Timestamp.from(o.expiresAt()));
    }

    @Override
    public Optional<ChannelOrder> lockByOutTradeNo(String outTradeNo) {
        return jdbc.query("SELECT " + COLUMNS + " FROM channel_order WHERE out_trade_no = ? FOR UPDATE", ORDER, outTradeNo).stream().findFirst();
    }

    @Override
    public Optional<ChannelOrder> find(UUID communityId, UUID orderId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM channel_order WHERE id = ? AND community_id = ?", ORDER, orderId, communityId).stream().findFirst();
    }

    @Override
    public Optional<ChannelOrder> openForLine(UUID lineId, java.time.Instant at) {
        return jdbc.query("SELECT " + COLUMNS + " FROM channel_order WHERE line_ids @> ARRAY[?::uuid] AND paid_payment_id IS NULL AND expires_at > ? "
                + "ORDER BY created_at DESC LIMIT 1", ORDER, lineId, Timestamp.from(at)).stream().findFirst();
    }

    @Override
    public void markPaid(UUID orderId, UUID paymentId) {
        jdbc.update("UPDATE channel_order SET paid_payment_id = ? WHERE id = ? AND paid_payment_id IS NULL", paymentId, orderId);
    }

    @Override
    public java.util.List<ChannelOrder> unpaid(java.time.Instant from, java.time.Instant to, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM channel_order WHERE paid_payment_id IS NULL AND created_at BETWEEN ? AND ? ORDER BY created_at LIMIT ?",
                ORDER, Timestamp.from(from), Timestamp.from(to), limit);
    }

    @Override
    public void record(ChannelNotice n, String outcome, String detail) {
        jdbc.update("""
                INSERT INTO channel_notification (id, channel, notification_id, out_trade_no, transaction_id, reported_fen, outcome, detail, raw)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", Ids.newId(), n.channel(), n.notificationId(), n.outTradeNo(), n.transactionId(),
                n.paidFen(), outcome, detail, n.raw());
    }
}
