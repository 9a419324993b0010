package dev.commonhold.billing.payments.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.billing.payments.app.Reversals;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.idempotency.RequiresIdempotencyKey;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** 冲正: a counter payment entered by mistake is reversed, once, with a reason; what it paid is open again. */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Payments")
class ReversalController {

    record ReversalBody(@NotBlank @Size(max = 200) String reason) {
    }

    record ReversedView(UUID settlementId, UUID lineId, String revenueClass, long amountFen) {
    }

    private final Reversals reversals;

    ReversalController(Reversals reversals) {
        this.reversals = reversals;
    }

    @Audited(kind = AuditKind.MONEY_CORRECTION, action = "billing.payment.reverse")
    @PostMapping("/api/billing/communities/{communityId}/payments/{paymentId}/reversal")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresIdempotencyKey
    List<ReversedView> reverse(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID paymentId, @Valid @RequestBody ReversalBody body) {
        return reversals.reverse(viewer, communityId, paymentId, body.reason()).stream()
                .map(r -> new ReversedView(r.settlementId(), r.lineId(), r.revenueClass(), r.amountFen())).toList();
    }
}
