package dev.commonhold.billing.payments.web;

import dev.commonhold.billing.payments.app.CounterPayments;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.idempotency.RequiresIdempotencyKey;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** A tenant's rent (or a plate's fee) paid at the counter or by bank transfer: one charge, at most what is open of it. */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Payments")
class ChargePaymentController {

    private final CounterPayments counter;

    ChargePaymentController(CounterPayments counter) {
        this.counter = counter;
    }

    @PostMapping("/api/billing/communities/{communityId}/charges/{chargeId}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresIdempotencyKey
    PaymentController.PaymentResult pay(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID chargeId,
                                        @Valid @RequestBody PaymentController.TakePayment body) {
        return PaymentController.PaymentResult.of(counter.takeForCharge(viewer, communityId, chargeId, body.amountFen(), body.method(),
                body.receiptNumber(), body.receivedOn()));
    }
}
