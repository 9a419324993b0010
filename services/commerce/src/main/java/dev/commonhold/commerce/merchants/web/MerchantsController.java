package dev.commonhold.commerce.merchants.web;

import dev.commonhold.commerce.merchants.app.Merchants;
import dev.commonhold.commerce.merchants.domain.CommissionTerms;
import dev.commonhold.commerce.merchants.domain.Eligibility;
import dev.commonhold.commerce.merchants.domain.LockerTerms;
import dev.commonhold.commerce.merchants.domain.Merchant;
import dev.commonhold.commerce.merchants.domain.Offering;
import dev.commonhold.commerce.merchants.domain.OfferingKind;
import dev.commonhold.platform.security.Viewer;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** Merchants (商户), their commission agreements and what they offer. */
@RestController
@Tag(name = "Merchants")
@RequestMapping("/api/commerce/communities/{communityId}")
class MerchantsController {

    /** @param rateBasisPoints of what the buyer pays (800 = 8%); @param communityShareBasisPoints of the commission to the community, the rest to the operator */
    record Commission(@NotNull @Min(0) @Max(10_000) Integer rateBasisPoints, @NotNull @Min(0) @Max(1_000_000) Long fixedFenPerOrder,
                      @NotNull @Min(0) @Max(10_000) Integer communityShareBasisPoints) {
        CommissionTerms terms() {
            return new CommissionTerms(rateBasisPoints, fixedFenPerOrder, communityShareBasisPoints);
        }
    }

    /** @param settlementDelayDays N of T+N; @param login the merchant's sign-in name (a user with the merchant role) */
    record NewMerchant(@NotBlank @Size(max = 100) String name, @NotBlank @Size(min = 18, max = 18) String licenceNumber,
                       @NotBlank @Size(max = 100) String settlementBank, @NotBlank @Pattern(regexp = "[0-9]{8,30}", message = "must be 8 to 30 digits") String settlementAccount,
                       @NotNull @Min(0) @Max(30) Integer settlementDelayDays, @Size(max = 100) String login, @NotNull @Valid Commission commission) {
    }

    /** @param settlementAccount in full for the operator's staff and the merchant itself; last four digits for anyone else */
    record MerchantView(UUID id, String name, String licenceNumber, String settlementBank, String settlementAccount, int settlementDelayDays, String login,
                        Commission commission) {
        static MerchantView of(Merchant m, boolean full) {
            CommissionTerms c = m.commission();
            return new MerchantView(m.id(), m.name(), m.licenceNumber(), full ? m.settlementBank() : null, full ? m.settlementAccount() : m.maskedAccount(),
                    m.settlementDelayDays(), full ? m.login() : null, new Commission(c.rateBasisPoints(), c.fixedFenPerOrder(), c.communityShareBasisPoints()));
        }
    }

    /** @param freeHours storage free of charge; @param fenPerStartedDay after them, per started 24 h; @param capFen per parcel */
    record Locker(@NotNull @Min(0) @Max(720) Integer freeHours, @NotNull @Min(0) @Max(1_000_000) Long fenPerStartedDay,
                  @NotNull @Min(0) @Max(1_000_000) Long capFen) {
    }

    /**
     * @param priceFen       per unit, in fen
     * @param capacityPerDay seats or sessions per service day (none: no daily limit)
     * @param stock          units to sell (none: unlimited); a locker bank's compartments
     */
    record NewOffering(@NotNull OfferingKind kind, @NotBlank @Size(max = 100) String name, @NotNull @Min(0) @Max(100_000_000) Long priceFen,
                       @NotNull Eligibility eligibility, @Min(50) @Max(120) Integer minAge, @Min(1) @Max(100_000) Integer capacityPerDay,
                       @Min(0) @Max(1_000_000) Integer stock, @NotNull LocalTime opensAt, @NotNull LocalTime closesAt, @Valid Locker locker) {
    }

    /** @param seatsLeft on the day asked, for an offering with a daily capacity */
    record OfferingView(UUID id, UUID merchantId, OfferingKind kind, String name, long priceFen, Eligibility eligibility, Integer minAge,
                        Integer capacityPerDay, Integer seatsLeft, Integer stock, LocalTime opensAt, LocalTime closesAt, Locker locker) {
        static OfferingView of(Merchants.Available a) {
            Offering o = a.offering();
            LockerTerms l = o.locker();
            return new OfferingView(o.id(), o.merchantId(), o.kind(), o.name(), o.priceFen(), o.eligibility(), o.minAge(), o.capacityPerDay(),
                    a.seatsLeft(), o.stock(), o.opensAt(), o.closesAt(), l == null ? null : new Locker(l.freeHours(), l.fenPerStartedDay(), l.capFen()));
        }
    }

    private final Merchants merchants;

    MerchantsController(Merchants merchants) {
        this.merchants = merchants;
    }

    @PostMapping("/merchants")
    @ResponseStatus(HttpStatus.CREATED)
    MerchantView register(Viewer viewer, @PathVariable UUID communityId, @Valid @RequestBody NewMerchant b) {
        return MerchantView.of(merchants.register(viewer, communityId, new Merchant(null, communityId, b.name().strip(),
                b.licenceNumber().strip().toUpperCase(java.util.Locale.ROOT), b.settlementBank().strip(), b.settlementAccount(), b.settlementDelayDays(),
                b.login() == null || b.login().isBlank() ? null : b.login().strip(), b.commission().terms())), true);
    }

    @GetMapping("/merchants")
    List<MerchantView> list(Viewer viewer, @PathVariable UUID communityId) {
        boolean staff = merchants.staffViewing(viewer, communityId);
        return merchants.list(viewer, communityId).stream().map(m -> MerchantView.of(m, staff || Merchants.isMerchant(viewer, m))).toList();
    }

    /** A new agreement applies to orders placed from now; each order keeps the split it was placed with. */
    @PutMapping("/merchants/{merchantId}/commission")
    MerchantView commission(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID merchantId, @Valid @RequestBody Commission b) {
        return MerchantView.of(merchants.changeCommission(viewer, communityId, merchantId, b.terms()), true);
    }

    @PostMapping("/merchants/{merchantId}/offerings")
    @ResponseStatus(HttpStatus.CREATED)
    OfferingView offer(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID merchantId, @Valid @RequestBody NewOffering b) {
        Offering o = merchants.offer(viewer, communityId, merchantId, new Offering(null, merchantId, communityId, b.kind(), b.name().strip(), b.priceFen(),
                b.eligibility(), b.minAge(), b.capacityPerDay(), b.stock(), b.opensAt(), b.closesAt(),
                b.locker() == null ? null : new LockerTerms(b.locker().freeHours(), b.locker().fenPerStartedDay(), b.locker().capFen())));
        return OfferingView.of(new Merchants.Available(o, o.capacityPerDay()));
    }

    /** What is offered, with the seats left on {@code date} (default today). */
    @GetMapping("/offerings")
    List<OfferingView> offerings(Viewer viewer, @PathVariable UUID communityId, @RequestParam(required = false) LocalDate date) {
        return merchants.offerings(viewer, communityId, date).stream().map(OfferingView::of).toList();
    }
}
