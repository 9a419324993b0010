package dev.commonhold.billing.invoicing.web;

import dev.commonhold.billing.support.BillingFixture;
import dev.commonhold.platform.messaging.EventJson;
import dev.commonhold.platform.messaging.EventSchemas;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.kafka.TopicReader;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Arrears aged for the operator and the regulator; reminders shown to households and interrupting prescription (P5). */
@IntegrationTest
class ArrearsIT {

    @LocalServerPort
    int port;

    @Test
    void overdueHouseholdsAreAgedRemindedOnceADayAndTheReminderRestartsPrescription() {
        BillingFixture f = new BillingFixture(port, 3);
        f.putPlan();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        YearMonth twoMonthsAgo = YearMonth.from(today).minusMonths(2);
        f.bill(twoMonthsAgo.toString()); // due on the 15th two months ago: 1 to 90 days overdue whatever today is

        JsonNode arrears = f.as(f.regulator()).get(f.path("/arrears")).json();
        assertThat(arrears.get("unitsInArrears").asInt()).isEqualTo(3);
        assertThat(arrears.get("totalFen").asLong()).isEqualTo(13_425 + 13_427 + 13_428);

        ApiResponse reminded = f.as(f.staff()).post(f.path("/arrears/reminders"), Map.of("minDaysOverdue", 1));
        assertThat(reminded.json().get("reminded").asInt()).isEqualTo(3);
        assertThat(f.as(f.staff()).post(f.path("/arrears/reminders"), "").json().get("reminded").asInt()).as("once a day").isZero();
        assertThat(f.as(f.owner.token()).post(f.path("/arrears/reminders"), "").status()).isEqualTo(403);

        JsonNode overdue = f.as(f.owner.token()).get(f.unitPath(0, "/arrears")).json().get(0);
        assertThat(overdue.get("dueOn").asString()).isEqualTo(twoMonthsAgo.atDay(15).toString());
        assertThat(overdue.get("prescribesOn").asString()).as("3 years from the reminder, not from the due date")
                .isEqualTo(today.plusYears(3).plusDays(1).toString());
        assertThat(overdue.get("prescribed").asBoolean()).isFalse();
        assertThat(overdue.get("lateFeeFen").asLong()).isPositive();

        List<JsonNode> events = TopicReader.read(Infra.kafka().bootstrapServers(), "billing.events", Duration.ofSeconds(30),
                        records -> records.stream().filter(r -> r.value().contains("arrears-reminded") && r.value().contains(f.community.toString())).count() >= 3)
                .stream().filter(r -> r.value().contains("arrears-reminded") && r.value().contains(f.community.toString()))
                .map(r -> EventJson.readTree(r.value())).toList();
        assertThat(events).hasSize(3);
        EventSchemas schemas = new EventSchemas();
        events.forEach(e -> assertThat(schemas.problems(e)).isEmpty());
        assertThat(events.getFirst().get("payload").get("message").asString()).contains("已逾期");
    }
}
