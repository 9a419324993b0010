package dev.commonhold.parking;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Parking (停车): lots, tariffs, permits, the gate cameras' entries and exits, and what they earn and for whom. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ParkingApplication {

    public static void main(String[] args) {
        SpringApplication.run(ParkingApplication.class, args);
    }
}
