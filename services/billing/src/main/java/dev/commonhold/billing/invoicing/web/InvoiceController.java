package dev.commonhold.billing.invoicing.web;

import dev.commonhold.billing.invoicing.app.InvoiceQueries;
import dev.commonhold.billing.invoicing.app.InvoiceViews;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.paging.Cursors;
import dev.commonhold.platform.web.paging.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
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

    InvoiceController(InvoiceQueries queries) {
        this.queries = queries;
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

    @GetMapping("/arrears")
    InvoiceQueries.CommunityArrears arrears(Viewer viewer, @PathVariable UUID communityId) {
        return queries.arrears(viewer, communityId);
    }
}
