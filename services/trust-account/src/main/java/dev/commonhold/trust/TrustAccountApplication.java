package dev.commonhold.trust;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Trust accounts (信托制物业共管账户): each community's money as a journal every owner can read and verify. */
@SpringBootApplication
public class TrustAccountApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrustAccountApplication.class, args);
    }
}
