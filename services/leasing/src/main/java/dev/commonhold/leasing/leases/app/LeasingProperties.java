package dev.commonhold.leasing.leases.app;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;

/**
 * @param chargeLeadDays    rent is raised this many days before it is due
 * @param depositCapMonths  L3: months of the first year's rent a deposit may be, by division-code prefix ("default" for the rest)
 */
@ConfigurationProperties("leasing")
public record LeasingProperties(int chargeLeadDays, Map<String, Integer> depositCapMonths, Rounds rounds) {

    /** @param every how often due rent is raised and expired leases are ended */
    public record Rounds(Duration every) {
    }

    public LeasingProperties {
        depositCapMonths = depositCapMonths == null || depositCapMonths.isEmpty() ? Map.of("default", 3) : Map.copyOf(depositCapMonths);
        rounds = rounds == null ? new Rounds(Duration.ofHours(1)) : rounds;
    }

    /** The cap for a community: the longest prefix of its division code configured, else the default. */
    public int depositCapMonths(String divisionCode) {
        return depositCapMonths.entrySet().stream().filter(e -> !e.getKey().equals("default") && divisionCode.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue)
                .orElse(depositCapMonths.getOrDefault("default", 3));
    }
}
