package dev.commonhold.billing.invoicing.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.billing.invoicing.app.ArrearsReminders;
import dev.commonhold.billing.invoicing.app.InvoiceQueries;
import dev.commonhold.billing.invoicing.app.InvoiceViews;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.paging.Cursors;
import dev.commonhold.platform.web.paging.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Invoices and arrears: households see their own, the operator's staff any unit's, regulators community totals. */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Invoices and arrears")
@RequestMapping("/api/billing/communities/{communityId}")
class InvoiceController {

    record HouseholdUnit(UUID unitId, String reference, long areaCentiM2, String use) {
    }

    record InvoiceLine(UUID id, String revenueClass, String description, long amountFen, long paidFen, LocalDate dueOn, boolean cancelled) {
    }

    record Invoice(UUID id, String number, String payerReference, String payerName, LocalDate periodStart, LocalDate periodEnd, LocalDate issuedOn,
                   LocalDate dueOn, long totalFen, long paidFen, long openFen, String status, List<InvoiceLine> lines) {
        static Invoice of(InvoiceViews.InvoiceView v) {
            return new Invoice(v.id(), v.number(), v.payerReference(), v.payerName(), v.periodStart(), v.periodEnd(), v.issuedOn(), v.dueOn(),
                    v.totalFen(), v.paidFen(), v.openFen(), v.status(), v.lines().stream().map(l -> new InvoiceLine(l.id(), l.revenueClass(),
                    l.description(), l.amountFen(), l.paidFen(), l.dueOn(), l.cancelled())).toList());
        }
    }

    private final InvoiceQueries queries;
    private final ArrearsReminders reminders;

    InvoiceController(InvoiceQueries queries, ArrearsReminders reminders) {
        this.queries = queries;
        this.reminders = reminders;
    }

    /** The units the signed-in resident owns or lives in: where to look for their invoices. */
    @GetMapping("/households/mine")
    List<HouseholdUnit> mine(Viewer viewer, @PathVariable UUID communityId) {
        return queries.household(viewer, communityId).stream().map(u -> new HouseholdUnit(u.id(), u.reference(), u.areaCentiM2(), u.use())).toList();
    }

    @GetMapping("/units/{unitId}/invoices")
    Page<Invoice> invoices(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID unitId,
                           @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        int size = Cursors.limit(limit);
        return Cursors.page(queries.invoices(viewer, communityId, unitId, Cursors.after(cursor), size + 1).stream().map(Invoice::of).toList(),
                size, Invoice::number);
    }

    /** Overdue amounts aged, with the late fee accrued (P4) and the day each would prescribe (P5). */
    @GetMapping("/units/{unitId}/arrears")
    List<InvoiceQueries.Overdue> unitArrears(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID unitId) {
        return queries.overdue(viewer, communityId, unitId);
    }

    record HeldCharge(UUID chargeId, String source, String reason, Instant receivedAt, Long amountFen, String payerReference,
                      String description) {
    }

    /** Charges billing holds because it does not know their payer yet (retried every minute), never dropped. */
    @GetMapping("/held-charges")
    List<HeldCharge> held(Viewer viewer, @PathVariable UUID communityId) {
        return queries.held(viewer, communityId).stream().map(h -> new HeldCharge(h.chargeId(), h.sourceType(), h.reason(), h.receivedAt(),
                h.charge() == null ? null : h.charge().amountFen(), h.charge() == null ? null : h.charge().payer().reference(),
                h.charge() == null ? null : h.charge().description())).toList();
    }

    record Remind(@Min(1) @Max(3650) Integer minDaysOverdue) {
    }

    /** Reminds every household overdue for at least minDaysOverdue days (default 1), at most once a day: shown in the portal, interrupts prescription (P5). */
    @PostMapping("/arrears/reminders")
    Map<String, Integer> remind(Viewer viewer, @PathVariable UUID communityId,
                                          @Valid @RequestBody(required = false) Remind body) {
        int days = body == null || body.minDaysOverdue() == null ? 1 : body.minDaysOverdue();
        return Map.of("reminded", reminders.remind(viewer, communityId, days));
    }

    @Audited(kind = AuditKind.PERSONAL_DATA_READ, action = "billing.arrears.read")
    @GetMapping("/arrears")
    InvoiceQueries.CommunityArrears arrears(Viewer viewer, @PathVariable UUID communityId) {
        return queries.arrears(viewer, communityId);
    }
}
