package dev.commonhold.franchise.oversight.app;

import dev.commonhold.franchise.oversight.domain.Overcharge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The covered revenue billing settled and the charges the covered services raised, as franchise saw them arrive. */
public interface RevenueStore {

    /** @return false when this settlement was counted already (a redelivery) */
    boolean addRevenue(UUID settlementId, UUID agreementId, UUID communityId, String revenueClass, UUID chargeId, long amountFen, Instant settledAt,
                       int year);

    void reverseRevenue(UUID settlementId, Instant at);

    /** Settled less reversed in the year, by revenue class, in fen. */
    Map<String, Long> revenueByClass(UUID agreementId, int year);

    /** Settled less reversed in the year, by community, in fen. */
    Map<UUID, Long> revenueByCommunity(UUID agreementId, int year);

    /** A charge a covered service raised, with what the caps allowed when it is above them (null when within). */
    void observe(UUID chargeId, UUID agreementId, UUID communityId, String revenueClass, long amountFen, LocalDate servedFrom, LocalDate servedTo,
                 String sourceReference, Overcharge over);

    void cancel(UUID chargeId);

    /** The year's charges above a cap, not cancelled, by the day they were served to. */
    List<Overcharge> overcharges(UUID agreementId, int year);
}
