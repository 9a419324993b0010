package dev.commonhold.commerce.merchants.app;

import dev.commonhold.commerce.merchants.domain.Merchant;
import dev.commonhold.commerce.merchants.domain.Offering;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Merchants and their offerings, and the seats and stock orders take from them. */
public interface MerchantStore {

    /** @return false when the community already has a merchant with this licence number */
    boolean insert(Merchant merchant);

    void updateCommission(Merchant merchant);

    Optional<Merchant> merchant(UUID communityId, UUID merchantId);

    List<Merchant> merchants(UUID communityId);

    /** The merchants a login serves (a merchant user), in every community. */
    List<Merchant> merchantsOfLogin(String login);

    void insert(Offering offering);

    Optional<Offering> offering(UUID communityId, UUID offeringId);

    List<Offering> offerings(UUID communityId);

    /** Seats or sessions taken on a day, for every offering of the community that has a daily capacity. */
    java.util.Map<UUID, Integer> takenOn(UUID communityId, java.time.LocalDate day);

    /**
     * Takes {@code quantity} of the day's capacity and of the stock, in one statement each that checks
     * what is left: under concurrent orders exactly as many succeed as there is room for.
     *
     * @return null when taken, or the field that ran out ({@code capacityPerDay} or {@code stock}) with what is left
     */
    Shortage take(Offering offering, java.time.LocalDate day, int quantity);

    /** Gives back what a cancelled order took. */
    void giveBack(Offering offering, java.time.LocalDate day, int quantity);

    record Shortage(String field, int left) {
    }
}
