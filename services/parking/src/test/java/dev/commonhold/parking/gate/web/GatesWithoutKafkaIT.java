package dev.commonhold.parking.gate.web;

import dev.commonhold.parking.support.ParkingFixture;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static dev.commonhold.parking.support.ParkingFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

/** A gate keeps working while Kafka is down: the barrier decision needs nothing remote, the charge waits in the outbox. */
@IntegrationTest
class GatesWithoutKafkaIT {

    @LocalServerPort
    int port;

    @Test
    void withKafkaStoppedTheGatesStillAnswerAndTheChargeIsPublishedWhenItIsBack() {
        ParkingFixture f = new ParkingFixture(port).registered().lot(300, 0);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Infra.kafka().stop();
        JsonNode out;
        try {
            long started = System.nanoTime();
            assertThat(expect(f.read(f.entryGate(), "k-in", "京K12345", now.minus(Duration.ofHours(2))), 200).get("open").asBoolean()).isTrue();
            out = expect(f.read(f.exitGate(), "k-out", "京K12345", now), 200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("two gate answers without Kafka").isLessThan(Duration.ofSeconds(2));
            assertThat(out.get("feeFen").asLong()).isEqualTo(1000);
        } finally {
            Infra.kafka().start();
        }
        JsonNode charge = f.published("parking.charge-raised.v1", 1).getFirst();
        assertThat(charge.get("amountFen").asLong()).isEqualTo(1000);
        assertThat(charge.get("sourceReference").asString()).endsWith(out.get("sessionId").asString());
    }
}
