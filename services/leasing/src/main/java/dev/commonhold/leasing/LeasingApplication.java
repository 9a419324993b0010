package dev.commonhold.leasing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Space leasing (闲置空间出租): idle rooms, shops, civil-defence space and ad spots let for rent, and whose rent it is. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LeasingApplication {

    public static void main(String[] args) {
        SpringApplication.run(LeasingApplication.class, args);
    }
}
