package dev.commonhold.franchise.oversight.app;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The share charges raised through billing and what billing settled of them. */
public interface ShareStore {

    record ShareCharge(UUID chargeId, UUID agreementId, int year, UUID communityId, long amountFen, long paidFen, Instant raisedAt, String raisedBy) {
    }

    void insert(ShareCharge charge);

    /** Of these charges, the share charges, each with the agreement it belongs to. */
    Map<UUID, UUID> agreementsOf(Collection<UUID> chargeIds);

    /** @return false when this settlement was counted already */
    boolean paid(UUID settlementId, UUID chargeId, long amountFen, Instant settledAt);

    void reversed(UUID settlementId, Instant at);

    List<ShareCharge> charges(UUID agreementId, int year);

    /** Serialises raising the share of one agreement's year. */
    void lock(UUID agreementId, int year);
}
