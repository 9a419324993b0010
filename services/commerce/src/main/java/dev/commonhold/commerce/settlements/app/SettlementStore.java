package dev.commonhold.commerce.settlements.app;

import dev.commonhold.commerce.settlements.domain.Statement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Merchant settlements and subsidy claims, and the orders and refunds each took in. */
public interface SettlementStore {

    /** Locks the merchant's row: one settlement of a merchant at a time. */
    void lockMerchant(UUID merchantId);

    /** What is unsettled of the merchant: orders paid and refunds made before {@code before}; {@code carriedIn} from its last settlement. */
    Statement unsettled(UUID merchantId, Instant before);

    String nextSettlementNumber(LocalDate day);

    /** Inserts the settlement and marks the orders and refunds of the statement as in it. */
    void insert(Settlement settlement, Instant before);

    List<Settlement> settlements(UUID communityId, UUID merchantId);

    /** The orders and refunds a settlement took in. */
    List<Line> lines(UUID settlementId);

    record Settlement(UUID id, String number, UUID communityId, UUID merchantId, String merchantName, LocalDate throughDate, Statement statement,
                      String issuedBy, Instant issuedAt) {
    }

    /** @param kind ORDER or REFUND */
    record Line(String kind, UUID orderId, String orderNumber, LocalDate serviceDate, Instant at, long grossFen, long subsidyFen, long commissionFen,
                long merchantFen, long refundFen) {
    }

    String nextClaimNumber(LocalDate day);

    /** Served subsidised orders of the period not yet claimed, locked, as claim evidence. */
    List<Evidence> unclaimed(UUID communityId, LocalDate from, LocalDate through);

    void insert(Claim claim, List<UUID> orderIds);

    Optional<Claim> claim(UUID communityId, UUID id);

    List<Claim> claims(UUID communityId);

    List<Evidence> evidence(UUID claimId);

    record Claim(UUID id, String number, UUID communityId, LocalDate from, LocalDate through, int orders, long totalFen, String claimedBy,
                 Instant claimedAt) {
    }

    /**
     * One order's evidence for the street office.
     *
     * @param buyerName     as the street office sees it: masked
     * @param age           on the service day, from the birth date the staff member checked
     * @param ageVerifiedBy who checked it
     */
    record Evidence(UUID orderId, String number, LocalDate serviceDate, String kind, String offering, String merchant, int quantity, String buyerName,
                    int age, String ageVerifiedBy, long grossFen, long subsidyFen, long payerFen, Instant paidAt, Instant fulfilledAt) {
    }
}
