package dev.commonhold.commerce.orders.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.commerce.orders.app.Lockers;
import dev.commonhold.commerce.orders.app.NewOrder;
import dev.commonhold.commerce.orders.app.OrderChanges;
import dev.commonhold.commerce.orders.app.OrderQueries;
import dev.commonhold.commerce.orders.app.OrderStore;
import dev.commonhold.commerce.orders.app.Orders;
import dev.commonhold.commerce.orders.domain.OrderStatus;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.idempotency.RequiresIdempotencyKey;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Orders: a resident orders for themself; the operator's staff order at the counter for the elderly;
 * the merchant serves and refunds; lockers store and release parcels. An order's charges are paid
 * through billing — {@code POST /api/billing/communities/{c}/charges/{chargeIds[0]}/channel-orders} with
 * {@code withChargeIds} the rest (see {@code payment} in the view).
 */
@RestController
@Tag(name = "Orders")
@RequestMapping("/api/commerce/communities/{communityId}")
class OrdersController {

    /** @param serviceDate the day it is served (default today) */
    record ResidentOrder(@NotNull UUID offeringId, @NotNull @Min(1) @Max(100) Integer quantity, LocalDate serviceDate) {
    }

    /**
     * @param buyerName      the person served
     * @param buyerBirthDate from the ID the staff member checked: what an elderly subsidy rests on
     * @param buyerLogin     the person's sign-in name, if they have one (they then see the order)
     */
    record CounterOrder(@NotNull UUID offeringId, @NotNull @Min(1) @Max(100) Integer quantity, LocalDate serviceDate,
                        @NotBlank @Size(max = 50) String buyerName, @Past LocalDate buyerBirthDate, @Size(max = 100) String buyerLogin) {
    }

    record Elder(@NotBlank @Size(max = 100) String login, @NotBlank @Size(max = 50) String name, @NotNull @Past LocalDate birthDate) {
    }

    record Cancellation(@NotBlank @Size(max = 200) String reason) {
    }

    /** @param amountFen of what the buyer paid, in fen */
    record NewRefund(@NotNull @Min(1) @Max(100_000_000) Long amountFen, @NotBlank @Size(max = 200) String reason) {
    }

    record Parcel(@NotBlank @Size(max = 100) String recipientLogin, @NotBlank @Size(max = 50) String recipientName, @Size(max = 20) String compartment) {
    }

    private final Orders orders;
    private final OrderChanges changes;
    private final OrderQueries queries;
    private final Lockers lockers;

    OrdersController(Orders orders, OrderChanges changes, OrderQueries queries, Lockers lockers) {
        this.orders = orders;
        this.changes = changes;
        this.queries = queries;
        this.lockers = lockers;
    }

    @PostMapping("/orders")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresIdempotencyKey
    OrderView order(Viewer viewer, @PathVariable UUID communityId, @Valid @RequestBody ResidentOrder b) {
        var o = orders.placeByResident(viewer, communityId, new NewOrder(b.offeringId(), b.quantity(), b.serviceDate(), null, null, null));
        return OrderView.of(queries.get(viewer, communityId, o.id()));
    }

    @PostMapping("/counter-orders")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresIdempotencyKey
    OrderView counter(Viewer viewer, @PathVariable UUID communityId, @Valid @RequestBody CounterOrder b) {
        var o = orders.placeAtCounter(viewer, communityId, new NewOrder(b.offeringId(), b.quantity(), b.serviceDate(), b.buyerName(),
                b.buyerBirthDate(), b.buyerLogin()));
        return OrderView.of(queries.get(viewer, communityId, o.id()));
    }

    /** The operator's staff record an elderly resident's birth date from their ID, once: their own orders then carry the subsidy. */
    @Audited(kind = AuditKind.ROLE_CHANGE, action = "commerce.elder.register")
    @PostMapping("/elders")
    @ResponseStatus(HttpStatus.CREATED)
    OrderStore.Elder elder(Viewer viewer, @PathVariable UUID communityId, @Valid @RequestBody Elder b) {
        return orders.verifyElder(viewer, communityId, b.login().strip(), b.name(), b.birthDate());
    }

    @Audited(kind = AuditKind.PERSONAL_DATA_READ, action = "commerce.orders.read")
    @GetMapping("/orders")
    List<OrderView> list(Viewer viewer, @PathVariable UUID communityId, @RequestParam(required = false) OrderStatus status,
                         @RequestParam(required = false) UUID merchantId, @RequestParam(defaultValue = "100") int limit) {
        return queries.list(viewer, communityId, status, merchantId, limit).stream().map(OrderView::of).toList();
    }

    @GetMapping("/orders/{orderId}")
    OrderView get(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID orderId) {
        return OrderView.of(queries.get(viewer, communityId, orderId));
    }

    @PostMapping("/orders/{orderId}/fulfilment")
    OrderView fulfil(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID orderId) {
        changes.fulfil(viewer, communityId, orderId);
        return OrderView.of(queries.get(viewer, communityId, orderId));
    }

    @PostMapping("/orders/{orderId}/cancellation")
    OrderView cancel(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID orderId, @Valid @RequestBody Cancellation b) {
        changes.cancel(viewer, communityId, orderId, b.reason().strip());
        return OrderView.of(queries.get(viewer, communityId, orderId));
    }

    @Audited(kind = AuditKind.MONEY_CORRECTION, action = "commerce.order.refund")
    @PostMapping("/orders/{orderId}/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresIdempotencyKey
    OrderView refund(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID orderId, @Valid @RequestBody NewRefund b) {
        changes.refund(viewer, communityId, orderId, b.amountFen(), b.reason().strip());
        return OrderView.of(queries.get(viewer, communityId, orderId));
    }

    /** A parcel stored in a compartment of a locker bank for a resident: by the locker's merchant or the operator's staff. */
    @PostMapping("/lockers/{offeringId}/parcels")
    @ResponseStatus(HttpStatus.CREATED)
    OrderView store(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID offeringId, @Valid @RequestBody Parcel b) {
        var o = lockers.store(viewer, communityId, offeringId, b.recipientLogin().strip(), b.recipientName(), b.compartment());
        return OrderView.of(queries.get(viewer, communityId, o.id()));
    }

    /** The recipient collects: free within the free hours, else the overdue fee is charged and the compartment opens once paid. */
    @PostMapping("/orders/{orderId}/collection")
    OrderView collect(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID orderId) {
        lockers.collect(viewer, communityId, orderId);
        return OrderView.of(queries.get(viewer, communityId, orderId));
    }
}
