package dev.commonhold.fund;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The housing maintenance fund (住宅专项维修资金): each unit's sub-account, what it is paid in and what it pays for. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MaintenanceFundApplication {

    public static void main(String[] args) {
        SpringApplication.run(MaintenanceFundApplication.class, args);
    }
}
