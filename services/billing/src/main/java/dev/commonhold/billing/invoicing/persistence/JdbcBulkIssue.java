package dev.commonhold.billing.invoicing.persistence;

import dev.commonhold.billing.invoicing.app.BulkIssue;
import dev.commonhold.billing.invoicing.domain.NewInvoice;
import dev.commonhold.billing.invoicing.domain.Payer;
import dev.commonhold.billing.invoicing.domain.PropertyFee;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.messaging.EventJson;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A chunk of a billing run as one statement: the database computes each fee (area × the use's
 * exact rate, rounded half up once, as {@link PropertyFee.Rate#feeFor}), numbers and writes the
 * invoices, lines and billed months, and one outbox row that stands for the chunk's invoice-issued
 * events: the relay renders them from these invoices ({@link #issued}, InvoiceChunkEvents), so a
 * million events are not written twice. Nothing crosses the network per unit.
 */
@Repository
class JdbcBulkIssue implements BulkIssue {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    private static final String ISSUE = """
            WITH rates(use, num, den) AS (SELECT * FROM unnest(?::text[], ?::numeric[], ?::numeric[])),
            chunk AS MATERIALIZED (
                SELECT id, building_name, number, owner_name, area_centi, use, row_number() OVER (ORDER BY id) AS rn FROM unit
                WHERE community_id = ? AND id > ? ORDER BY id LIMIT ?),
            billed AS MATERIALIZED (
                -- a lateral probe per unit on billed_month's key: never a scan of every month ever billed
                SELECT c.id FROM chunk c CROSS JOIN LATERAL (
                    SELECT 1 FROM billed_month b WHERE b.unit_id = c.id AND b.month = ANY(?::date[]) LIMIT 1) probe),
            ids AS (SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[]) WITH ORDINALITY AS i(invoice_id, line_id, event_id, rn)),
            fresh AS MATERIALIZED (
                SELECT c.id AS unit_id, c.building_name || '-' || c.number AS ref, c.owner_name, c.area_centi,
                       div(c.area_centi * r.num * 2 + r.den, 2 * r.den)::bigint AS fee, i.invoice_id, i.line_id, i.event_id,
                       ? || lpad(nextval('invoice_number')::text, 8, '0') AS number,
                       '物业费 ' || ? || '（' || c.building_name || '-' || c.number || '，' || (c.area_centi / 100) || '.'
                           || lpad((c.area_centi % 100)::text, 2, '0') || ' m²）' AS description
                FROM chunk c JOIN rates r ON r.use = c.use JOIN ids i ON i.rn = c.rn
                WHERE NOT EXISTS (SELECT 1 FROM billed b WHERE b.id = c.id)
                  AND div(c.area_centi * r.num * 2 + r.den, 2 * r.den) > 0),
            invoices AS (
                INSERT INTO invoice (id, community_id, number, payer_kind, payer_unit_id, payer_reference, payer_name, period_start, period_end,
                                     issued_on, due_on, total_fen, billing_run_id, issued_event_id)
                SELECT invoice_id, ?, number, 'unit', unit_id, ref, owner_name, ?, ?, ?, ?, fee, ?, event_id FROM fresh),
            lines AS (
                INSERT INTO invoice_line (id, invoice_id, community_id, payer_unit_id, charge_id, revenue_class, amount_fen, due_on, description)
                SELECT line_id, invoice_id, ?, unit_id, line_id, 'property_fee', fee, ?, description FROM fresh),
            months AS (
                INSERT INTO billed_month (unit_id, month, invoice_id) SELECT unit_id, m, invoice_id FROM fresh, unnest(?::date[]) m),
            events AS (
                INSERT INTO outbox_event (event_id, topic, message_key, event_type, envelope)
                SELECT ?, 'billing.events', ?, ?, ? WHERE EXISTS (SELECT 1 FROM fresh))
            SELECT (SELECT count(*) FROM chunk), (SELECT count(*) FROM fresh), (SELECT count(*) FROM billed),
                   (SELECT coalesce(sum(fee), 0) FROM fresh), (SELECT id FROM chunk ORDER BY id DESC LIMIT 1)""";

    private final JdbcTemplate jdbc;

    JdbcBulkIssue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Result issue(Chunk c) {
        // As many ids as there are units left (an index-only count): most communities are far smaller than a chunk, and
        // making and sending ids for the whole chunk cost more than the billing itself. A unit registered between the count
        // and the statement only moves the cursor less far; the caller asks again from there.
        Integer left = jdbc.queryForObject("SELECT count(*) FROM (SELECT 1 FROM unit WHERE community_id = ? AND id > ? LIMIT ?) u",
                Integer.class, c.communityId(), c.afterUnit(), c.limit());
        int limit = left == null ? 0 : left;
        if (limit == 0) {
            return new Result(0, 0, 0, 0, null);
        }
        List<Map.Entry<String, PropertyFee.Rate>> rates = List.copyOf(c.rates().entrySet());
        Date[] months = c.months().stream().map(Date::valueOf).toArray(Date[]::new);
        String community = c.communityId().toString();
        String prefix = "F" + MONTH.format(c.issuedOn()) + "-";
        // Ids from Java (UUIDv7, as everywhere): cheaper than making them in SQL, one set per unit that may be billed.
        UUID[][] ids = {new UUID[limit], new UUID[limit], new UUID[limit]};
        for (UUID[] column : ids) {
            for (int i = 0; i < column.length; i++) {
                column[i] = Ids.newId();
            }
        }
        // The chunk's rows are sorted and materialised in memory, not spilled to disk.
        jdbc.execute("SET LOCAL work_mem = '64MB'");
        return jdbc.queryForObject(ISSUE, (rs, i) -> new Result(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getLong(4),
                        rs.getObject(5, UUID.class)),
                rates.stream().map(Map.Entry::getKey).toArray(String[]::new),
                rates.stream().map(e -> new BigDecimal(e.getValue().numerator())).toArray(BigDecimal[]::new),
                rates.stream().map(e -> new BigDecimal(e.getValue().denominator())).toArray(BigDecimal[]::new),
                c.communityId(), c.afterUnit(), limit, months,
                ids[0], ids[1], ids[2],
                prefix, c.periodText(),
                c.communityId(), Date.valueOf(c.periodStart()), Date.valueOf(c.periodEnd()), Date.valueOf(c.issuedOn()), Date.valueOf(c.dueOn()), c.runId(),
                c.communityId(), Date.valueOf(c.dueOn()),
                months,
                Ids.newId(), community, IssuedChunk.ROW_TYPE, EventJson.toTree(recipe(c, ids)).toString());
    }

    /** The outbox row's recipe: the chunk's invoices and lines lie between the first and last of the ids made for it. */
    private static IssuedChunk recipe(Chunk c, UUID[][] ids) {
        return new IssuedChunk(c.runId(), c.communityId(), Instant.now(), first(ids[0]), last(ids[0]), first(ids[1]), last(ids[1]));
    }

    private static UUID first(UUID[] ids) {
        return Arrays.stream(ids).min(Ids.DATABASE_ORDER).orElseThrow();
    }

    private static UUID last(UUID[] ids) {
        return Arrays.stream(ids).max(Ids.DATABASE_ORDER).orElseThrow();
    }

    /**
     * The chunk's invoices with their one line each, in id order. Both key ranges bound the read (ids
     * of another lane's chunk made in the same instant fall inside them and are left out by run and
     * community), so it reads about a chunk's rows, however many invoices the community has.
     */
    @Override
    public List<Issued> issued(IssuedChunk chunk) {
        return jdbc.query("""
                SELECT i.id, i.number, i.payer_unit_id, i.payer_reference, i.payer_name, i.period_start, i.period_end, i.issued_on, i.due_on,
                       l.id, l.charge_id, l.revenue_class, l.base_revenue_class, l.amount_fen, l.due_on, l.description, l.source_reference,
                       i.issued_event_id
                FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id AND l.id BETWEEN ? AND ?
                WHERE i.id BETWEEN ? AND ? AND i.billing_run_id = ? AND i.community_id = ? ORDER BY i.id""",
                (rs, n) -> new Issued(rs.getObject(18, UUID.class), new NewInvoice(rs.getObject(1, UUID.class), rs.getString(2), chunk.communityId(),
                        Payer.unit(rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5)), rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), chunk.runId(),
                        List.of(new NewInvoice.Line(rs.getObject(10, UUID.class), rs.getObject(11, UUID.class), rs.getString(12), rs.getString(13),
                                rs.getLong(14), rs.getObject(15, LocalDate.class), rs.getString(16), rs.getString(17))), List.of())),
                chunk.firstLine(), chunk.lastLine(), chunk.firstInvoice(), chunk.lastInvoice(), chunk.runId(), chunk.communityId());
    }
}
