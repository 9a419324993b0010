package dev.commonhold.fund.accounts.app;

import dev.commonhold.fund.accounts.domain.DepositRule;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Rule F1 per city, from configuration (application.yml {@code fund.cities}). */
@ConfigurationProperties("fund")
public record FundProperties(List<City> cities) {

    public FundProperties {
        cities = cities == null ? List.of() : List.copyOf(cities);
    }

    /**
     * @param divisionPrefix the city's leading digits of the administrative division code (1101 = Beijing)
     * @param rule           {@code flat-per-m2} with {@code fenPerM2}, or {@code percent-of-cost} with
     *                       {@code costFenPerM2} and {@code basisPoints}
     */
    public record City(String divisionPrefix, String name, String rule, Long fenPerM2, Long costFenPerM2, Integer basisPoints) {

        public DepositRule depositRule() {
            return switch (rule) {
                case "flat-per-m2" -> new DepositRule.FlatPerM2(fenPerM2);
                case "percent-of-cost" -> new DepositRule.PercentOfCost(costFenPerM2, basisPoints);
                default -> throw new IllegalStateException("fund.cities: unknown deposit rule '" + rule + "' for " + name
                        + " (flat-per-m2 or percent-of-cost)");
            };
        }
    }

    /** The city whose prefix is the longest that starts the division code, if any is configured. */
    public Optional<City> cityOf(String divisionCode) {
        return cities.stream().filter(c -> divisionCode.startsWith(c.divisionPrefix()))
                .max(Comparator.comparingInt(c -> c.divisionPrefix().length()));
    }
}
