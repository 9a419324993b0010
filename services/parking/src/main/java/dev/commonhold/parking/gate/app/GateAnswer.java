package dev.commonhold.parking.gate.app;

import java.util.UUID;

/**
 * What the gate does: open or stay closed, what its display says (Chinese, GBK-encodable where
 * possible), the fee due when it stays closed for payment, and the session. A resend of the same
 * camera event gets the same answer, marked duplicate.
 *
 * @param feeFen fen due before the barrier opens, or null
 * @param payUrl where the driver pays (a QR code at the exit), when a fee is due
 */
public record GateAnswer(UUID eventId, boolean open, String display, Long feeFen, UUID sessionId, String payUrl, boolean duplicate) {
}
