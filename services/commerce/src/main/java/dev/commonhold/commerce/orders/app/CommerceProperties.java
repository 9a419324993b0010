package dev.commonhold.commerce.orders.app;

import dev.commonhold.commerce.orders.domain.SubsidyPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * @param holdUnpaid  how long a seat or a unit of stock is held for an order waiting for payment
 * @param cancelChargesAfter how long after an unpaid order is cancelled its charges stay payable in billing (longer than a
 *                    channel order stays payable, 10 minutes), so that a payment under way is refunded rather than stranded
 * @param subsidies   per city, by the start of the community's division code (the longest match wins): the elderly subsidy bands
 */
@ConfigurationProperties("commerce")
public record CommerceProperties(Duration holdUnpaid, Duration cancelChargesAfter, Map<String, List<SubsidyPolicy.Band>> subsidies) {

    public CommerceProperties {
        holdUnpaid = holdUnpaid == null ? Duration.ofMinutes(15) : holdUnpaid;
        cancelChargesAfter = cancelChargesAfter == null ? Duration.ofMinutes(15) : cancelChargesAfter;
        subsidies = subsidies == null ? Map.of() : subsidies;
    }

    /** The policy of the community's city; none where none is configured. */
    public SubsidyPolicy subsidyFor(String divisionCode) {
        return subsidies.entrySet().stream().filter(e -> divisionCode.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length())).map(e -> new SubsidyPolicy(e.getValue())).orElse(SubsidyPolicy.NONE);
    }
}
