package dev.commonhold.billing.invoicing.persistence;

import dev.commonhold.billing.invoicing.app.InvoiceStore;
import dev.commonhold.billing.invoicing.domain.NewInvoice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Repository
class JdbcInvoices implements InvoiceStore {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    private final JdbcTemplate jdbc;

    JdbcInvoices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> nextNumbers(int count, LocalDate issuedOn) {
        String prefix = "F" + MONTH.format(issuedOn) + "-";
        return jdbc.queryForList("SELECT nextval('invoice_number') FROM generate_series(1, ?)", Long.class, count).stream()
                .map(n -> prefix + "%08d".formatted(n)).toList();
    }

    @Override
    public LocalDate lastBilledMonth(UUID unitId) {
        return jdbc.queryForObject("SELECT max(month) FROM billed_month WHERE unit_id = ?", LocalDate.class, unitId);
    }

    @Override
    public void insertAll(List<NewInvoice> invoices) {
        jdbc.batchUpdate("""
                INSERT INTO invoice (id, community_id, number, payer_kind, payer_unit_id, payer_reference, payer_name, period_start, period_end,
                    issued_on, due_on, total_fen, billing_run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", invoices, 1000, (ps, i) -> {
            ps.setObject(1, i.id());
            ps.setObject(2, i.communityId());
            ps.setString(3, i.number());
            ps.setString(4, i.payer().kind());
            ps.setObject(5, i.payer().unitId());
            ps.setString(6, i.payer().reference());
            ps.setString(7, i.payer().name());
            ps.setObject(8, i.periodStart());
            ps.setObject(9, i.periodEnd());
            ps.setObject(10, i.issuedOn());
            ps.setObject(11, i.dueOn());
            ps.setLong(12, i.totalFen());
            ps.setObject(13, i.billingRunId());
        });
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> months = new ArrayList<>();
        for (NewInvoice i : invoices) {
            for (NewInvoice.Line l : i.lines()) {
                lines.add(new Object[]{l.id(), i.id(), i.communityId(), i.payer().unitId(), l.chargeId(), l.revenueClass(), l.baseRevenueClass(),
                        l.amountFen(), l.dueOn(), l.description(), l.sourceReference()});
            }
            i.months().forEach(m -> months.add(new Object[]{i.payer().unitId(), m, i.id()}));
        }
        jdbc.batchUpdate("""
                INSERT INTO invoice_line (id, invoice_id, community_id, payer_unit_id, charge_id, revenue_class, base_revenue_class,
                    amount_fen, due_on, description, source_reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines);
        if (!months.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO billed_month (unit_id, month, invoice_id) VALUES (?, ?, ?)", months);
        }
    }

    @Override
    public boolean hasLineForCharge(UUID chargeId) {
        return !jdbc.queryForList("SELECT 1 FROM invoice_line WHERE charge_id = ?", Integer.class, chargeId).isEmpty();
    }
}
