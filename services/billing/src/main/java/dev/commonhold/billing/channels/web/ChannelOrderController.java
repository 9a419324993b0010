package dev.commonhold.billing.channels.web;

import dev.commonhold.billing.channels.app.ChannelOrder;
import dev.commonhold.billing.channels.app.ChannelOrders;
import dev.commonhold.platform.security.Viewer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A household opens a WeChat Pay or Alipay order for its open invoices (all, or those named). */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Payment channels")
@RequestMapping("/api/billing/communities/{communityId}")
class ChannelOrderController {

    record OpenOrder(@NotBlank String channel, @Size(max = 100) List<UUID> invoiceIds) {
    }

    /** @param paymentId once paid: the payment whose receipt is at .../payments/{paymentId}/receipt */
    record OrderView(UUID id, String outTradeNo, String channel, UUID unitId, long amountFen, Instant expiresAt, boolean paid, UUID paymentId) {
        static OrderView of(ChannelOrder o) {
            return new OrderView(o.id(), o.outTradeNo(), o.channel(), o.unitId(), o.amountFen(), o.expiresAt(), o.paidPaymentId() != null,
                    o.paidPaymentId());
        }
    }

    private final ChannelOrders orders;

    ChannelOrderController(ChannelOrders orders) {
        this.orders = orders;
    }

    @PostMapping("/units/{unitId}/channel-orders")
    @ResponseStatus(HttpStatus.CREATED)
    OrderView open(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID unitId, @Valid @RequestBody OpenOrder body) {
        return OrderView.of(orders.open(viewer, communityId, unitId, body.channel(), body.invoiceIds()));
    }

    /** @param withChargeIds the other charges paid with this one (a commerce order's merchant part and commission), at most 9 */
    record PayAtExit(@NotBlank String channel, @Size(max = 9) List<UUID> withChargeIds) {
    }

    /**
     * A parking fee paid at the exit (the QR code on the barrier's display) or a tenant's rent, deposit or fee
     * (the QR code on the lease's invoice), or a commerce order's charges: no login, the charge id is the reference, the order is
     * for that charge and those named in {@code withChargeIds} only.
     */
    @PostMapping("/charges/{chargeId}/channel-orders")
    @ResponseStatus(HttpStatus.CREATED)
    OrderView payAtExit(@PathVariable UUID communityId, @PathVariable UUID chargeId, @Valid @RequestBody PayAtExit body) {
        List<UUID> charges = new java.util.ArrayList<>(List.of(chargeId));
        if (body.withChargeIds() != null) {
            charges.addAll(body.withChargeIds());
        }
        return OrderView.of(orders.openForCharges(communityId, charges, body.channel()));
    }

    @GetMapping("/channel-orders/{orderId}")
    OrderView get(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID orderId) {
        return OrderView.of(orders.get(viewer, communityId, orderId));
    }
}
