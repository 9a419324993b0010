package dev.commonhold.commerce.orders.app;

import dev.commonhold.commerce.orders.domain.Order;
import dev.commonhold.commerce.orders.domain.OrderStatus;
import dev.commonhold.commerce.orders.domain.RefundSplit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Orders, their refunds and the register of elderly residents whose age was checked. */
public interface OrderStore {

    String nextNumber(LocalDate day);

    void insert(Order order);

    Optional<Order> find(UUID communityId, UUID orderId);

    /** Locks the order row for the rest of the transaction. */
    Optional<Order> lock(UUID orderId);

    void status(UUID orderId, OrderStatus status, Instant at, String cancelReason);

    /** A locker's parcel collected with an overdue fee: its price set, waiting for payment. */
    void priced(Order order);

    void insertRefund(UUID refundId, UUID orderId, RefundSplit split, String reason, String by, Instant at);

    /** Σ of the order's refunds so far: {@code [community commission, operator commission, merchant]}. */
    long[] refundedParts(UUID orderId);

    List<Refund> refunds(UUID orderId);

    record Refund(UUID id, long amountFen, long communityCommissionFen, long operatorCommissionFen, long merchantFen, String reason,
                  Instant refundedAt, UUID settlementId) {
    }

    /**
     * @param merchantId  only this merchant's, or null
     * @param buyerLogin  only this buyer's, or null
     */
    List<Order> list(UUID communityId, UUID merchantId, String buyerLogin, OrderStatus status, int limit);

    /** Orders cancelled before {@code before} that still have charges open in billing. */
    List<UUID> cancelledWithOpenCharges(Instant before, int limit);

    /**
     * Subsidised units already ordered for this person, kind and day (orders not cancelled): the person is their
     * name with their birth date, however they ordered (their login, or at the counter), or their login. Serialised
     * per person and day for the transaction.
     */
    int subsidisedUnits(UUID communityId, String buyerLogin, String buyerName, LocalDate birthDate, String kind, LocalDate day);

    /** Unpaid orders past their pay-by time, locked, skipping any another node holds. */
    List<UUID> unpaidPast(Instant now, int limit);

    void putElder(UUID communityId, String login, String name, LocalDate birthDate, String verifiedBy, Instant at);

    Optional<Elder> elder(UUID communityId, String login);

    record Elder(String login, String name, LocalDate birthDate, String verifiedBy, Instant verifiedAt) {
    }
}
