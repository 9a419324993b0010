package dev.commonhold.commerce;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Value-added commerce (增值服务): lockers, canteen meals, elderly care and home services, with commission and subsidy. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CommerceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommerceApplication.class, args);
    }
}
