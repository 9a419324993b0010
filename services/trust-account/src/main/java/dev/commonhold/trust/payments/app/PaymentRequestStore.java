package dev.commonhold.trust.payments.app;

import dev.commonhold.trust.payments.domain.PaymentRequest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface PaymentRequestStore {

    /** A voucher (凭证) kept with its SHA-256 (hex), so anyone can check the file they are shown is the one filed. */
    record Voucher(UUID id, UUID requestId, String fileName, String contentType, String sha256, long size, String uploadedBy) {
    }

    void insert(PaymentRequest request);

    Optional<PaymentRequest> lock(UUID communityId, UUID id);

    Optional<PaymentRequest> find(UUID communityId, UUID id);

    List<PaymentRequest> list(UUID communityId, int limit);

    void decided(UUID requestId, PaymentRequest.Approval decision, PaymentRequest.Status status, String closedReason);

    void closed(UUID requestId, PaymentRequest.Status status, String reason);

    void executed(UUID requestId, String bankInstruction, UUID entryId);

    void addVoucher(Voucher voucher, byte[] content);

    List<Voucher> vouchers(UUID requestId);

    Optional<byte[]> voucherContent(UUID requestId, UUID voucherId);
}
