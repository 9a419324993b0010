package dev.commonhold.trust.payments.app;

import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.ledger.Account;
import dev.commonhold.platform.ledger.Journal;
import dev.commonhold.platform.ledger.JournalEntry;
import dev.commonhold.platform.ledger.NewEntry;
import dev.commonhold.platform.ledger.Posting;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.trust.books.domain.ChartOfAccounts;
import dev.commonhold.trust.payments.domain.PaymentRequest;
import dev.commonhold.trust.payments.domain.PaymentRuleViolation;
import dev.commonhold.trust.register.CommitteeMember;
import dev.commonhold.trust.register.CommunityCopy;
import dev.commonhold.trust.register.Register;
import dev.commonhold.trust.register.TrustAccess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Payments out with two keys (rule T3; DESIGN.md, Who may approve): the operator's staff raise a
 * request with its vouchers; members of the community's current committee — per the registry,
 * not per a token's role — approve or reject it; above the threshold two different members must
 * approve; then the operator executes it: a bank instruction is recorded and the journal posts the
 * expense against the co-managed account. Nobody executes what the committee has not approved.
 */
@Service
public class PaymentRequests {

    /** What the operator asks to pay: fen, an expense account (51xx), what for. */
    public record NewRequest(String payee, String payeeAccount, long amountFen, String expenseAccount, String budgetLine, String purpose) {
    }

    public static final long MAX_VOUCHER_BYTES = 10L * 1024 * 1024;
    /** 100 million yuan: no community pays more in one go; anything above is a typing error. */
    public static final long MAX_AMOUNT_FEN = 10_000_000_000L;
    /** What a voucher may be: documents and photos, never something a browser would run. */
    public static final java.util.Set<String> VOUCHER_TYPES = java.util.Set.of("application/pdf", "image/jpeg", "image/png", "image/webp");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final TrustAccess access;
    private final Register register;
    private final PaymentRequestStore store;
    private final Journal journal;
    private final Clock clock;
    private final long twoMemberThresholdFen;
    private final Duration validFor;

    PaymentRequests(TrustAccess access, Register register, PaymentRequestStore store, Journal journal, Clock clock,
                    @Value("${trust.payments.two-member-threshold-fen:500000}") long twoMemberThresholdFen,
                    @Value("${trust.payments.valid-for:P30D}") Duration validFor) {
        this.access = access;
        this.register = register;
        this.store = store;
        this.journal = journal;
        this.clock = clock;
        this.twoMemberThresholdFen = twoMemberThresholdFen;
        this.validFor = validFor;
    }

    @Transactional
    public PaymentRequest raise(Viewer viewer, UUID communityId, NewRequest r) {
        access.staffOf(viewer, communityId);
        require(r.payee() != null && !r.payee().isBlank() && r.payee().length() <= 100, "payee", "who is paid, 1 to 100 characters");
        require(r.purpose() != null && !r.purpose().isBlank() && r.purpose().length() <= 500, "purpose", "what it pays for, 1 to 500 characters");
        require(r.payeeAccount() == null || r.payeeAccount().length() <= 64, "payeeAccount", "at most 64 characters");
        require(r.budgetLine() == null || r.budgetLine().length() <= 100, "budgetLine", "at most 100 characters");
        require(r.amountFen() > 0 && r.amountFen() <= MAX_AMOUNT_FEN, "amountFen", "between 1 and " + MAX_AMOUNT_FEN + " fen (100 million yuan)");
        boolean expense = journal.accounts(communityId).stream()
                .anyMatch(a -> a.code().equals(r.expenseAccount()) && a.type() == Account.Type.EXPENSE);
        // A lease's deposit paid back at its end (L3) is money held for the tenant going out, co-signed like any other.
        boolean depositBack = ChartOfAccounts.DEPOSITS_HELD.equals(r.expenseAccount());
        require(expense || depositBack, "expenseAccount", "an expense account of this community's chart (5101 remuneration … 5199 other), "
                + "or 2301 to pay back a deposit held");
        Instant now = clock.instant();
        PaymentRequest request = new PaymentRequest(Ids.newId(), communityId, r.payee().strip(), r.payeeAccount(), r.amountFen(), r.expenseAccount(),
                r.budgetLine(), r.purpose().strip(), PaymentRequest.Status.PENDING, PaymentRequest.approvalsNeeded(r.amountFen(), twoMemberThresholdFen),
                viewer.subject(), now, now.plus(validFor), List.of(), null, null, null);
        store.insert(request);
        return request;
    }

    /** A member of the committee approves or rejects (with a reason). */
    @Transactional
    public PaymentRequest decide(Viewer viewer, UUID communityId, UUID requestId, boolean approve, String reason) {
        CommunityCopy community = access.readable(viewer, communityId);
        CommitteeMember member = access.currentMember(viewer, community);
        require(approve || (reason != null && !reason.isBlank()), "reason", "given when rejecting: say why");
        PaymentRequest request = locked(communityId, requestId);
        if (approve && store.vouchers(requestId).isEmpty()) {
            throw new PaymentRuleViolation("vouchers", "nothing to approve yet: the operator attaches the vouchers (contract, quote, invoice) first", "T3");
        }
        Instant now = clock.instant();
        PaymentRequest.Status next = request.decide(member.memberId(), approve, now);
        store.decided(requestId, new PaymentRequest.Approval(member.memberId(), member.userId(), member.name(), approve, reason, now), next,
                approve ? null : reason);
        return store.find(communityId, requestId).orElseThrow();
    }

    @Transactional
    public PaymentRequest withdraw(Viewer viewer, UUID communityId, UUID requestId, String reason) {
        access.staffOf(viewer, communityId);
        PaymentRequest request = locked(communityId, requestId);
        PaymentRequest.Status current = request.statusAt(clock.instant());
        if (current != PaymentRequest.Status.PENDING && current != PaymentRequest.Status.APPROVED) {
            throw new PaymentRuleViolation("status", "this request is " + current + ": there is nothing to withdraw", null);
        }
        store.closed(requestId, PaymentRequest.Status.WITHDRAWN, reason == null || reason.isBlank() ? "withdrawn by the operator" : reason);
        return store.find(communityId, requestId).orElseThrow();
    }

    /** The operator pays what the committee approved: a bank instruction, and the expense posted against the co-managed account. */
    @Transactional
    public PaymentRequest execute(Viewer viewer, UUID communityId, UUID requestId) {
        CommunityCopy community = access.staffOf(viewer, communityId);
        PaymentRequest request = locked(communityId, requestId);
        request.requireExecutable(clock.instant());
        // Locked with the ledger: payments executed at the same time take turns, each seeing what the one before left.
        java.util.Map<String, Long> balances = journal.lockedBalances(communityId);
        long bank = balances.getOrDefault(ChartOfAccounts.BANK, 0L);
        if (bank < request.amountFen()) {
            throw new PaymentRuleViolation("amountFen", "the co-managed account holds %d fen; this payment is %d fen".formatted(bank, request.amountFen()), null);
        }
        long held = -balances.getOrDefault(ChartOfAccounts.DEPOSITS_HELD, 0L);
        if (ChartOfAccounts.DEPOSITS_HELD.equals(request.expenseAccount()) && held < request.amountFen()) {
            throw new PaymentRuleViolation("amountFen", "deposits held come to %d fen; this refund is %d fen".formatted(held, request.amountFen()), null);
        }
        LocalDate today = LocalDate.now(clock.withZone(community.zone()));
        String instruction = "BI-" + DAY.format(today) + "-" + requestId.toString().substring(24).toUpperCase(java.util.Locale.ROOT);
        JournalEntry entry = journal.post(communityId, List.of(NewEntry.of(YearMonth.from(today),
                "支出：%s · 收款人 %s · 银行指令 %s".formatted(request.purpose(), request.payee(), instruction), "payment-request:" + requestId,
                List.of(Posting.debit(request.expenseAccount(), request.amountFen()), Posting.credit(ChartOfAccounts.BANK, request.amountFen())))))
                .getFirst();
        store.executed(requestId, instruction, entry.id());
        return store.find(communityId, requestId).orElseThrow();
    }

    @Transactional
    public PaymentRequestStore.Voucher addVoucher(Viewer viewer, UUID communityId, UUID requestId, String fileName, String contentType, byte[] content) {
        access.staffOf(viewer, communityId);
        PaymentRequest request = locked(communityId, requestId);
        if (request.statusAt(clock.instant()) != PaymentRequest.Status.PENDING || !request.approvals().isEmpty()) {
            throw new PaymentRuleViolation("status", "vouchers are attached before the committee decides; this request is "
                    + request.statusAt(clock.instant()) + (request.approvals().isEmpty() ? "" : " and has decisions") + ": raise a new one", "T3");
        }
        require(VOUCHER_TYPES.contains(contentType), "contentType", "one of " + VOUCHER_TYPES.stream().sorted().toList());
        require(content.length > 0 && content.length <= MAX_VOUCHER_BYTES, "file", "1 byte to 10 MB");
        require(fileName != null && fileName.strip().length() == fileName.length() && !fileName.isBlank() && fileName.length() <= 200
                        && fileName.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\') && !fileName.matches("\\.+"),
                "fileName", "a file name of 1 to 200 characters, without a path or control characters");
        PaymentRequestStore.Voucher voucher = new PaymentRequestStore.Voucher(Ids.newId(), requestId, fileName, contentType, sha256(content),
                content.length, viewer.subject());
        store.addVoucher(voucher, content);
        return voucher;
    }

    public List<PaymentRequest> list(Viewer viewer, UUID communityId) {
        access.readable(viewer, communityId);
        return store.list(communityId, 500);
    }

    public PaymentRequest get(Viewer viewer, UUID communityId, UUID requestId) {
        access.readable(viewer, communityId);
        return store.find(communityId, requestId).orElseThrow(() -> ProblemException.notFound("Payment request", requestId));
    }

    public List<PaymentRequestStore.Voucher> vouchers(Viewer viewer, UUID communityId, UUID requestId) {
        get(viewer, communityId, requestId);
        return store.vouchers(requestId);
    }

    /** The vouchers of a request the caller has read already (its access was checked then). */
    public List<PaymentRequestStore.Voucher> vouchersOf(PaymentRequest request) {
        return store.vouchers(request.id());
    }

    public byte[] voucherContent(Viewer viewer, UUID communityId, UUID requestId, UUID voucherId) {
        get(viewer, communityId, requestId);
        return store.voucherContent(requestId, voucherId).orElseThrow(() -> ProblemException.notFound("Voucher", voucherId));
    }

    public Instant now() {
        return clock.instant();
    }

    private PaymentRequest locked(UUID communityId, UUID requestId) {
        return store.lock(communityId, requestId).orElseThrow(() -> ProblemException.notFound("Payment request", requestId));
    }

    private static void require(boolean ok, String field, String what) {
        if (!ok) {
            throw ProblemException.invalid(field, "must be " + what);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
