package dev.commonhold.trust.payments.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.trust.budget.app.Budgets;
import dev.commonhold.trust.payments.app.PaymentRequestStore;
import dev.commonhold.trust.payments.app.PaymentRequests;
import dev.commonhold.trust.payments.domain.PaymentRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Payments out of the co-managed account: raised by the operator, decided by the committee, executed by the operator (T3). */
@RestController
@RequestMapping("/api/trust/communities/{communityId}/payment-requests")
class PaymentRequestController {

    record RaiseRequest(@NotBlank @Size(max = 100) String payee, @Size(max = 64) String payeeAccount, @Positive long amountFen,
                        @NotBlank String expenseAccount, @Size(max = 100) String budgetLine, @NotBlank @Size(max = 500) String purpose) {
    }

    record Decision(@NotNull @Pattern(regexp = "APPROVE|REJECT") String decision, @Size(max = 500) String reason) {
    }

    record Withdrawal(@Size(max = 500) String reason) {
    }

    /** A request as everyone may see it, with each decision and its voucher files' hashes. */
    record RequestView(UUID id, String payee, String payeeAccount, long amountFen, String expenseAccount, String budgetLine, String purpose,
                       PaymentRequest.Status status, int approvalsNeeded, long approvalsGiven, List<PaymentRequest.Approval> decisions, String raisedBy,
                       Instant raisedAt, Instant expiresAt, String bankInstruction, UUID entryId, String closedReason,
                       List<PaymentRequestStore.Voucher> vouchers, Budgets.Check budget) {
    }

    private final PaymentRequests requests;
    private final Budgets budgets;

    PaymentRequestController(PaymentRequests requests, Budgets budgets) {
        this.requests = requests;
        this.budgets = budgets;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RequestView raise(Viewer viewer, @PathVariable UUID communityId, @Valid @RequestBody RaiseRequest r) {
        return view(requests.raise(viewer, communityId, new PaymentRequests.NewRequest(r.payee(), r.payeeAccount(), r.amountFen(),
                r.expenseAccount(), r.budgetLine(), r.purpose())));
    }

    @GetMapping
    List<RequestView> list(Viewer viewer, @PathVariable UUID communityId) {
        Map<Integer, Budgets.YearToDate> years = new HashMap<>(); // the year's budget and spending, read once for all its requests
        return requests.list(viewer, communityId).stream().map(r -> view(r, years.computeIfAbsent(year(r), y -> budgets.yearToDate(communityId, y))))
                .toList();
    }

    @GetMapping("/{requestId}")
    RequestView get(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID requestId) {
        return view(requests.get(viewer, communityId, requestId));
    }

    @Audited(kind = AuditKind.APPROVAL, action = "trust.payment-request.decide")
    @PostMapping("/{requestId}/decisions")
    RequestView decide(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID requestId, @Valid @RequestBody Decision d) {
        return view(requests.decide(viewer, communityId, requestId, d.decision().equals("APPROVE"), d.reason()));
    }

    @PostMapping("/{requestId}/withdrawal")
    RequestView withdraw(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID requestId, @Valid @RequestBody Withdrawal w) {
        return view(requests.withdraw(viewer, communityId, requestId, w.reason()));
    }

    @Audited(kind = AuditKind.APPROVAL, action = "trust.payment-request.execute")
    @PostMapping("/{requestId}/execution")
    RequestView execute(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID requestId) {
        return view(requests.execute(viewer, communityId, requestId));
    }

    /** The file as the body, its name as ?fileName=; answered with the SHA-256 it is kept under. */
    @PostMapping(path = "/{requestId}/vouchers", consumes = MediaType.ALL_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    PaymentRequestStore.Voucher addVoucher(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID requestId,
                                           @RequestParam String fileName, HttpServletRequest http) {
        String type = mediaType(http.getContentType());
        return requests.addVoucher(viewer, communityId, requestId, fileName, type, body(http));
    }

    @GetMapping("/{requestId}/vouchers/{voucherId}")
    ResponseEntity<byte[]> voucher(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID requestId, @PathVariable UUID voucherId,
                                   jakarta.servlet.http.HttpServletResponse servlet) {
        PaymentRequestStore.Voucher v = requests.vouchers(viewer, communityId, requestId).stream().filter(x -> x.id().equals(voucherId)).findFirst()
                .orElseThrow(() -> dev.commonhold.platform.web.problem.ProblemException.notFound("Voucher", voucherId));
        // Always a download, never a page of ours: whatever a file holds, a browser neither runs nor sniffs it (nosniff
        // comes with every answer, platform/web ApiHeaders); the sandbox replaces, not adds to, the usual policy.
        servlet.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(v.contentType())).header("X-Content-SHA256", v.sha256())
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename(v.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(requests.voucherContent(viewer, communityId, requestId, voucherId));
    }

    private RequestView view(PaymentRequest r) {
        return view(r, budgets.yearToDate(r.communityId(), year(r)));
    }

    private static int year(PaymentRequest r) {
        return r.raisedAt().atZone(java.time.ZoneId.of("Asia/Shanghai")).getYear();
    }

    private RequestView view(PaymentRequest r, Budgets.YearToDate budget) {
        return new RequestView(r.id(), r.payee(), r.payeeAccount(), r.amountFen(), r.expenseAccount(), r.budgetLine(), r.purpose(),
                r.statusAt(requests.now()), r.approvalsNeeded(), r.approvalsGiven(), r.approvals(), r.raisedBy(), r.raisedAt(), r.expiresAt(),
                r.bankInstruction(), r.entryId(), r.closedReason(), requests.vouchersOf(r),
                // Beyond its budget line is shown to the approvers; once paid, the payment is among what was spent.
                budget.check(r.expenseAccount(), r.status() == PaymentRequest.Status.EXECUTED ? 0 : r.amountFen()));
    }

    /** The upload's type without parameters, if it is one a voucher may be; otherwise 415 naming the accepted ones. */
    private static String mediaType(String header) {
        try {
            if (header != null) {
                MediaType type = MediaType.parseMediaType(header);
                String plain = (type.getType() + "/" + type.getSubtype()).toLowerCase(java.util.Locale.ROOT);
                if (PaymentRequests.VOUCHER_TYPES.contains(plain)) {
                    return plain;
                }
            }
        } catch (org.springframework.util.InvalidMimeTypeException ignored) {
            // answered below like any other type
        }
        String accepted = PaymentRequests.VOUCHER_TYPES.stream().sorted().toList().toString();
        throw new dev.commonhold.platform.web.problem.ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                dev.commonhold.platform.web.problem.ProblemType.of("unsupported-voucher"), "Not a voucher file",
                "Content-Type: a voucher is a PDF or a photo, one of " + accepted + "; send the file with its type")
                .with("errors", java.util.List.of(new dev.commonhold.platform.web.problem.FieldError("contentType", "must be one of " + accepted)));
    }

    private static byte[] body(HttpServletRequest http) {
        if (http.getContentLengthLong() > PaymentRequests.MAX_VOUCHER_BYTES) {
            return new byte[0];
        }
        try {
            byte[] content = http.getInputStream().readNBytes((int) PaymentRequests.MAX_VOUCHER_BYTES + 1);
            return content.length > PaymentRequests.MAX_VOUCHER_BYTES ? new byte[0] : content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
