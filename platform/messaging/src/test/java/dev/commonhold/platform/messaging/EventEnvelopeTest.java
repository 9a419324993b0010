package dev.commonhold.platform.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventEnvelopeTest {

    @Test
    void theDomainOfTheTypeNamesTheTopic() {
        assertThat(EventEnvelope.topicOf("billing.payment-settled.v1")).isEqualTo("billing.events");
        assertThat(EventEnvelope.topicOf("trust.entry-posted.v12")).isEqualTo("trust.events");
    }

    @Test
    void theTypeNamesItsContract() {
        assertThat(EventEnvelope.schemaPathOf("community.unit-registered.v1"))
                .isEqualTo("contracts/events/community/unit-registered.v1.schema.json");
    }

    @Test
    void rejectsTypesNotOfTheFormDomainEventVersion() {
        for (String bad : new String[]{"billing.payment-settled", "Billing.paid.v1", "billing.paid.v0", "billing..v1", "PaymentSettled"}) {
            assertThatThrownBy(() -> EventEnvelope.topicOf(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
