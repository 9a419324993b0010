package dev.commonhold.franchise;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Franchise oversight (特许经营监管): agreements as data, revenue from the ledger, the share owed and paid, findings for the regulator. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FranchiseApplication {

    public static void main(String[] args) {
        SpringApplication.run(FranchiseApplication.class, args);
    }
}
