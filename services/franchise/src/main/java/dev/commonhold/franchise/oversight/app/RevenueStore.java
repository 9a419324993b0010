package dev.commonhold.franchise.oversight.app;

import dev.commonhold.franchise.oversight.domain.Overcharge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The covered revenue billing settled and the charges the covered services raised, as franchise saw them arrive. */
public interface RevenueStore {

    /** A settled line of a class a franchise may count, in the year of its community's calendar it was settled in. */
    record RevenueLine(UUID settlementId, UUID communityId, String revenueClass, UUID chargeId, long amountFen, Instant settledAt, int year) {
    }

    /** Keeps settled lines of classes a franchise may count, covered or not yet, in one statement; a line kept already (a redelivery) stays as it is. */
    void addRevenue(List<RevenueLine> lines);

    void reverseRevenue(UUID settlementId, Instant at);

    /**
     * The year's covered revenue as the ledger settled it.
     *
     * @param byClassFen settled less reversed, by revenue class, in fen
     * @param payments   how many settled payments (not reversed) it is: the demand the services met
     */
    record Ledger(Map<String, Long> byClassFen, long payments) {
    }

    /** The agreement's covered communities and classes, settled in the year within the term ({@code from} inclusive, {@code until} exclusive). */
    Ledger ledger(UUID agreementId, int year, Instant from, Instant until);

    /** Settled less reversed in the year, by covered community, in fen. */
    Map<UUID, Long> revenueByCommunity(UUID agreementId, int year, Instant from, Instant until);

    /**
     * A charge of a class a franchise may count; with the covering agreement and what its caps allowed when above them
     * (null when within), or with neither while no agreement covers it.
     */
    void observe(UUID chargeId, UUID agreementId, UUID communityId, String revenueClass, long amountFen, LocalDate servedFrom, LocalDate servedTo,
                 String sourceReference, Overcharge over);

    /** A charge kept, to check again against an agreement recorded after it. */
    record Observed(UUID chargeId, String revenueClass, long amountFen, LocalDate servedFrom, LocalDate servedTo, String sourceReference) {
    }

    /** The charges of these communities and classes served on or after {@code from}, not cancelled. */
    List<Observed> observed(java.util.Collection<UUID> communities, java.util.Collection<String> classes, LocalDate from);

    /** Sets a kept charge's agreement and what its caps allowed (null when within). */
    void checked(UUID chargeId, UUID agreementId, Overcharge over);

    void cancel(UUID chargeId);

    /** The year's charges above a cap, not cancelled, by the day they were served to. */
    List<Overcharge> overcharges(UUID agreementId, int year);
}
