package dev.commonhold.billing.payments.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.billing.payments.app.CounterPayments;
import dev.commonhold.billing.payments.app.CreditApplication;
import dev.commonhold.billing.payments.app.Prepayments;
import dev.commonhold.billing.payments.app.Refunds;
import dev.commonhold.billing.payments.app.Settlements;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.idempotency.RequiresIdempotencyKey;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
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
import java.util.Map;
import java.util.UUID;

/**
 * Money at the counter: payments (cash, card, matched bank transfers), prepayments of up to 12
 * months (P2), the unit's credit balance and refunds from it (P6). Every POST takes an
 * Idempotency-Key: a retry after a timeout answers the first result and takes no money twice.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Payments")
@RequestMapping("/api/billing/communities/{communityId}/units/{unitId}")
class PaymentController {

    /** Amounts are whole fen: a JSON number with a fraction is refused, naming the field. */
    /** @param receivedOn a bank transfer's value date (yyyy-MM-dd), when it is recorded after the day it arrived */
    record TakePayment(@NotNull @Positive @Max(100_000_000_000L) Long amountFen, @NotBlank String method,
                       @NotBlank @Size(max = 64) String receiptNumber, java.time.LocalDate receivedOn) {
    }

    record Prepay(@NotNull Integer months, @NotNull @Positive Long amountFen, @NotBlank String method,
                  @NotBlank @Size(max = 64) String receiptNumber) {
    }

    record RefundBody(@NotNull @Positive Long amountFen, @NotBlank String channel, @NotBlank @Size(max = 200) String reason) {
    }

    record Settled(UUID lineId, UUID invoiceId, String revenueClass, long amountFen, boolean lineSettledInFull) {
    }

    record PaymentResult(UUID paymentId, String channel, long amountFen, long appliedFen, long creditedFen, List<Settled> settled) {
        static PaymentResult of(Settlements.Applied a) {
            List<Settled> settled = a.shares().stream().map(s -> new Settled(s.line().lineId(), s.line().invoiceId(), s.line().revenueClass(),
                    s.amountFen(), s.settlesLine())).toList();
            return new PaymentResult(a.payment().paymentId(), a.payment().channel(), a.payment().amountFen(),
                    a.payment().amountFen() - a.creditedFen(), a.creditedFen(), settled);
        }
    }

    record Quote(int months, LocalDate periodStart, LocalDate periodEnd, long amountFen) {
    }

    private final CounterPayments counter;
    private final Prepayments prepayments;
    private final Refunds refunds;
    private final CreditApplication credit;

    PaymentController(CounterPayments counter, Prepayments prepayments, Refunds refunds, CreditApplication credit) {
        this.counter = counter;
        this.prepayments = prepayments;
        this.refunds = refunds;
        this.credit = credit;
    }

    @PostMapping("/payments")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresIdempotencyKey
    PaymentResult pay(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID unitId, @Valid @RequestBody TakePayment body) {
        return PaymentResult.of(counter.take(viewer, communityId, unitId, body.amountFen(), body.method(), body.receiptNumber(),
                body.receivedOn()));
    }

    @GetMapping("/prepayments/quote")
    Quote quote(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID unitId, @RequestParam int months) {
        Prepayments.Quote q = prepayments.quote(viewer, communityId, unitId, months);
        return new Quote(months, q.period().start(), q.period().end(), q.amountFen());
    }

    @PostMapping("/prepayments")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresIdempotencyKey
    PaymentResult prepay(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID unitId, @Valid @RequestBody Prepay body) {
        return PaymentResult.of(prepayments.pay(viewer, communityId, unitId, body.months(), body.amountFen(), body.method(), body.receiptNumber()));
    }

    @GetMapping("/credit")
    Map<String, Long> credit(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID unitId) {
        return Map.of("balanceFen", counter.creditBalance(viewer, communityId, unitId));
    }

    /** The household's credit pays its open bills, oldest first (the household itself or the operator's staff). */
    @PostMapping("/credit/application")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresIdempotencyKey
    PaymentResult applyCredit(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID unitId) {
        return PaymentResult.of(credit.apply(viewer, communityId, unitId));
    }

    @Audited(kind = AuditKind.MONEY_CORRECTION, action = "billing.refund.issue")
    @PostMapping("/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresIdempotencyKey
    Map<String, Object> refund(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID unitId, @Valid @RequestBody RefundBody body) {
        UUID id = refunds.refund(viewer, communityId, unitId, body.amountFen(), body.channel(), body.reason());
        return Map.of("refundId", id, "amountFen", body.amountFen());
    }
}
