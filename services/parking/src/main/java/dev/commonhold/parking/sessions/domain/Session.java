package dev.commonhold.parking.sessions.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A stay in a lot (停车记录): from the entry a camera saw to the exit, its price, and how the
 * exit was matched to the entry (rule K4).
 *
 * @param audience  VISITOR, RESIDENT_EXTRA_CAR, or PERMIT (a permit holder or a private space's household: passes free)
 * @param enteredAt null when the exit found no entry (K4, charged the lot's minimum fee)
 * @param priceFen  fen, once priced at the exit
 */
public record Session(UUID id, UUID communityId, UUID lotId, String plate, UUID unitId, UUID permitId, String audience, Instant enteredAt,
                      String entryGate, Instant exitedAt, String exitGate, Status status, Long priceFen, String revenueClass, UUID chargeId,
                      String exitPlateRead, String matchedBy, String note) {

    public enum Status {
        /** Entered, not yet seen leaving: counts in the lot's occupancy. */
        INSIDE,
        /** Priced at the exit, the barrier closed until the charge is paid. */
        AWAITING_PAYMENT,
        PAID,
        /** Nothing to pay: a permit, a private space, or within the free period. */
        PASSED,
        /** Let out by staff unpaid: the charge stays open, arrears of the plate's household when known. */
        RELEASED_UNPAID,
        /** Seen entering again without an exit between: the exit camera missed it; not charged, not counted inside. */
        EXIT_MISSED
    }

    public static final String PERMIT = "PERMIT";

    /** "2小时10分" — how long the stay was, as the gate display and the charge say it. */
    public static String stayText(Instant from, Instant to) {
        long minutes = Duration.between(from, to).toMinutes();
        long days = minutes / (24 * 60);
        long hours = minutes % (24 * 60) / 60;
        return (days > 0 ? days + "天" : "") + (days > 0 || hours > 0 ? hours + "小时" : "") + minutes % 60 + "分";
    }
}
