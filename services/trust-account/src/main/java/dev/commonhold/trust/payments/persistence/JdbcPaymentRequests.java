package dev.commonhold.trust.payments.persistence;

import dev.commonhold.trust.payments.app.PaymentRequestStore;
import dev.commonhold.trust.payments.domain.PaymentRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcPaymentRequests implements PaymentRequestStore {

    private static final String COLUMNS = """
            id, community_id, payee, payee_account, amount_fen, expense_account, budget_line, purpose, status, approvals_needed,
            raised_by, raised_at, expires_at, bank_instruction, entry_id, closed_reason""";

    private final JdbcTemplate jdbc;

    JdbcPaymentRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(PaymentRequest r) {
        jdbc.update("INSERT INTO payment_request (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.communityId(),
                r.payee(), r.payeeAccount(), r.amountFen(), r.expenseAccount(), r.budgetLine(), r.purpose(), r.status().name(), r.approvalsNeeded(),
                r.raisedBy(), Timestamp.from(r.raisedAt()), Timestamp.from(r.expiresAt()), r.bankInstruction(), r.entryId(), r.closedReason());
    }

    @Override
    public Optional<PaymentRequest> lock(UUID communityId, UUID id) {
        return one("SELECT " + COLUMNS + " FROM payment_request WHERE community_id = ? AND id = ? FOR UPDATE", communityId, id);
    }

    @Override
    public Optional<PaymentRequest> find(UUID communityId, UUID id) {
        return one("SELECT " + COLUMNS + " FROM payment_request WHERE community_id = ? AND id = ?", communityId, id);
    }

    @Override
    public List<PaymentRequest> list(UUID communityId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM payment_request WHERE community_id = ? ORDER BY raised_at DESC LIMIT ?", header(), communityId, limit)
                .stream().map(this::withDecisions).toList();
    }

    @Override
    public void decided(UUID requestId, PaymentRequest.Approval d, PaymentRequest.Status status, String closedReason) {
        jdbc.update("INSERT INTO payment_decision (request_id, member_id, user_id, name, approved, reason, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                requestId, d.memberId(), d.userId(), d.name(), d.approved(), d.reason(), Timestamp.from(d.decidedAt()));
        jdbc.update("UPDATE payment_request SET status = ?, closed_reason = coalesce(?, closed_reason) WHERE id = ?", status.name(), closedReason, requestId);
    }

    @Override
    public void closed(UUID requestId, PaymentRequest.Status status, String reason) {
        jdbc.update("UPDATE payment_request SET status = ?, closed_reason = ? WHERE id = ?", status.name(), reason, requestId);
    }

    @Override
    public void executed(UUID requestId, String bankInstruction, UUID entryId) {
        jdbc.update("UPDATE payment_request SET status = 'EXECUTED', bank_instruction = ?, entry_id = ? WHERE id = ? AND status = 'APPROVED'",
                bankInstruction, entryId, requestId);
    }

    @Override
    public void addVoucher(Voucher v, byte[] content) {
        jdbc.update("""
                INSERT INTO payment_voucher (id, request_id, file_name, content_type, sha256, size_bytes, content, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                v.id(), v.requestId(), v.fileName(), v.contentType(), v.sha256(), v.size(), content, v.uploadedBy());
    }

    @Override
    public List<Voucher> vouchers(UUID requestId) {
        return jdbc.query("SELECT id, request_id, file_name, content_type, sha256, size_bytes, uploaded_by FROM payment_voucher WHERE request_id = ? ORDER BY uploaded_at",
                (rs, i) -> new Voucher(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), rs.getString(7)), requestId);
    }

    @Override
    public Optional<byte[]> voucherContent(UUID requestId, UUID voucherId) {
        return jdbc.query("SELECT content FROM payment_voucher WHERE request_id = ? AND id = ?", (rs, i) -> rs.getBytes(1), requestId, voucherId)
                .stream().findFirst();
    }

    private Optional<PaymentRequest> one(String sql, Object... args) {
        return jdbc.query(sql, header(), args).stream().findFirst().map(this::withDecisions);
    }

    private PaymentRequest withDecisions(PaymentRequest r) {
        List<PaymentRequest.Approval> decisions = jdbc.query(
                "SELECT member_id, user_id, name, approved, reason, decided_at FROM payment_decision WHERE request_id = ? ORDER BY decided_at",
                (rs, i) -> new PaymentRequest.Approval(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()), r.id());
        return new PaymentRequest(r.id(), r.communityId(), r.payee(), r.payeeAccount(), r.amountFen(), r.expenseAccount(), r.budgetLine(), r.purpose(),
                r.status(), r.approvalsNeeded(), r.raisedBy(), r.raisedAt(), r.expiresAt(), decisions, r.bankInstruction(), r.entryId(), r.closedReason());
    }

    private static RowMapper<PaymentRequest> header() {
        return (rs, i) -> new PaymentRequest(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), PaymentRequest.Status.valueOf(rs.getString(9)), rs.getInt(10), rs.getString(11),
                rs.getTimestamp(12).toInstant(), rs.getTimestamp(13).toInstant(), List.of(), rs.getString(14), rs.getObject(15, UUID.class),
                rs.getString(16));
    }
}
