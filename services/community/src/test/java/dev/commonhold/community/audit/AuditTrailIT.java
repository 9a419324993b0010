package dev.commonhold.community.audit;

import dev.commonhold.community.registry.RegistryFixture;
import dev.commonhold.platform.audit.AuditEntry;
import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.messaging.EventRecords;
import dev.commonhold.platform.messaging.EventSchemas;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.kafka.TopicWriter;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail (issue 17) with real PostgreSQL and Kafka: what staff do with people's data reaches the trail
 * through audit.events, refusals too; the operator's admin and the district's regulator read it, nobody else;
 * a redelivered entry is kept once and nothing kept can be changed.
 */
@IntegrationTest
class AuditTrailIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void staffReadingOwnersAndARefusedResidentAreInTheTrailForTheOperatorAndTheDistrictOnly() {
        RegistryFixture f = new RegistryFixture(port);
        UUID community = f.registerCommunity("审计里小区", "110105");
        String owners = "/api/community/communities/" + community + "/owners";
        assertThat(f.api.as(f.staff()).header("User-Agent", "counter-pc/1.0").get(owners).status()).isEqualTo(200);
        UUID elsewhere = UUID.randomUUID();
        assertThat(f.as(f.resident(elsewhere).token()).get(owners).status()).isIn(403, 404);
        String trail = "/api/community/audit?communityId=" + community;

        List<JsonNode> seen = awaitEntries(f, f.operator(), trail + "&action=community.owners.read", 1);
        JsonNode read = seen.stream().filter(e -> e.get("outcome").asString().equals("DONE")).findFirst().orElseThrow();
        assertThat(read.get("kind").asString()).isEqualTo("PERSONAL_DATA_READ");
        assertThat(read.get("source").asString()).isEqualTo("community");
        assertThat(read.at("/actor/login").asString()).isEqualTo("staff");
        assertThat(read.at("/actor/roles/0").asString()).isEqualTo("operator-staff");
        assertThat(read.at("/actor/company").asString()).isEqualTo(f.company.toString());
        assertThat(read.at("/target/path").asString()).isEqualTo(owners);
        assertThat(read.at("/target/status").asInt()).isEqualTo(200);
        assertThat(read.at("/from/userAgent").asString()).isEqualTo("counter-pc/1.0");
        assertThat(read.at("/from/address").asString()).isNotBlank();

        assertThat(items(f.as(f.regulator("1101")).get(trail))).as("the district's regulator").isNotEmpty();
        assertThat(items(f.as(f.regulator("3101")).get(trail))).as("another city's regulator").isEmpty();
        assertThat(items(f.as(f.otherOperator()).get(trail))).as("another operator's admin").isEmpty();
        for (String refused : List.of(f.staff(), f.committee(community), f.resident(community).token())) {
            ApiResponse answer = f.as(refused).get(trail);
            assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        }
        assertThat(f.api.get(trail).status()).isEqualTo(401);
        assertThat(f.as(f.resident(community).token()).get(trail + "&kind=NOPE").status()).as("a probe with a bad query is refused, not corrected")
                .isEqualTo(403);
        // Reading the trail is itself kept: the operator's reads, and the staff member who was refused.
        List<JsonNode> watched = awaitEntries(f, f.operator(), "/api/community/audit?action=community.audit.read", 2);
        assertThat(watched).extracting(e -> e.at("/actor/login").asString() + " " + e.get("outcome").asString())
                .contains("operator DONE", "staff DENIED");
    }

    @Test
    void aRefusalIsKeptAsDeniedWithWhoTriedIt() {
        RegistryFixture f = new RegistryFixture(port);
        UUID community = f.registerCommunity("拒绝里小区", "110105");
        ApiResponse refused = f.as(f.resident(community).token()).get("/api/community/communities/" + community + "/residents");
        assertThat(refused.status()).isEqualTo(403);

        JsonNode denied = awaitEntries(f, f.operator(), "/api/community/audit?communityId=" + community + "&login=resident", 1).getFirst();
        assertThat(denied.get("outcome").asString()).isEqualTo("DENIED");
        assertThat(denied.get("action").asString()).isEqualTo("community.residents.read");
        assertThat(denied.at("/target/status").asInt()).isEqualTo(403);
    }

    @Test
    void badQueriesAreAnsweredWithTheFieldAndPagesNeitherOverlapNorSkip() {
        RegistryFixture f = new RegistryFixture(port);
        UUID community = f.registerCommunity("分页里小区", "110105");
        for (int i = 0; i < 3; i++) {
            assertThat(f.as(f.staff()).get("/api/community/communities/" + community + "/owners").status()).isEqualTo(200);
        }
        String trail = "/api/community/audit?communityId=" + community;
        awaitEntries(f, f.operator(), trail, 3);

        List<String> ids = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = f.as(f.operator()).get(trail + "&limit=2" + (next == null ? "" : "&cursor=" + next)).json();
            page.get("items").forEach(e -> ids.add(e.get("entryId").asString()));
            next = page.path("next").isNull() || page.path("next").isMissingNode() ? null : page.get("next").asString();
        } while (next != null);
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();

        for (String bad : List.of("kind=SOMETHING", "from=yesterday", "to=2026-13-01T00:00:00Z", "cursor=bm9wZQ", "limit=0", "login=",
                "communityId=", "from=-999999999-01-01T00:00:00Z", "to=-4714-11-24T00:00:00Z", "login=%00", "action=a%00b", "kind=SIGN_IN&kind=EXPORT",
                "login=staff&login=operator", "limit=99999999999999", "from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z")) {
            ApiResponse answer = f.as(f.operator()).get(trail + "&" + bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.body()).as(bad).contains(bad.substring(0, bad.indexOf('=')));
        }
        Instant future = Instant.now().plus(1, ChronoUnit.DAYS);
        assertThat(items(f.as(f.operator()).get(trail + "&from=" + future))).isEmpty();
        assertThat(items(f.as(f.operator()).get(trail + "&kind=APPROVAL"))).isEmpty();
    }

    @Test
    void aRedeliveredEntryIsKeptOnceAndNothingKeptCanBeChangedOrRemoved() {
        RegistryFixture f = new RegistryFixture(port);
        UUID community = f.registerCommunity("重投里小区", "110105");
        AuditEntry entry = new AuditEntry(UUID.randomUUID(), "trust-account", Instant.now().truncatedTo(ChronoUnit.MILLIS), AuditKind.APPROVAL,
                "trust.payment-request.decide", AuditEntry.Outcome.DONE, new AuditEntry.Actor("c-1", "chair", List.of("committee"), null),
                community, new AuditEntry.Target("POST", "/api/trust/communities/" + community + "/payment-requests/p/decisions", 200),
                new AuditEntry.From("198.51.100.4", null));
        EventSchemas schemas = new EventSchemas();
        // Two envelopes (a producer that retried after a lost acknowledgement) and one of them sent twice.
        var first = schemas.envelope(AuditEntry.TYPE, community, entry.entryId(), entry);
        var second = schemas.envelope(AuditEntry.TYPE, community, entry.entryId(), entry);
        TopicWriter.send(Infra.kafka().bootstrapServers(), List.of(EventRecords.of(first), EventRecords.of(second), EventRecords.of(first)));

        List<JsonNode> kept = awaitEntries(f, f.operator(), "/api/community/audit?communityId=" + community, 1);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE entry_id = ?", Integer.class, entry.entryId()) == 1);
        assertThat(kept).singleElement().satisfies(e -> {
            assertThat(e.get("action").asString()).isEqualTo("trust.payment-request.decide");
            assertThat(e.at("/actor/login").asString()).isEqualTo("chair");
            assertThat(e.at("/from/address").asString()).isEqualTo("198.51.100.4");
        });

        assertThatThrownBy(() -> jdbc.update("UPDATE audit_entry SET action = 'nothing happened' WHERE entry_id = ?", entry.entryId()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_entry WHERE entry_id = ?", entry.entryId())).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_entry")).hasMessageContaining("append-only");
    }

    private static List<JsonNode> awaitEntries(RegistryFixture f, String token, String path, int atLeast) {
        List<JsonNode> found = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            found.clear();
            found.addAll(items(f.as(token).get(path)));
            return found.size() >= atLeast;
        });
        return found;
    }

    private static List<JsonNode> items(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().get("items").forEach(items::add);
        return items;
    }
}
