package dev.commonhold.community.assembly.web;

import dev.commonhold.community.registry.RegistryFixture;
import dev.commonhold.platform.messaging.EventJson;
import dev.commonhold.platform.messaging.EventSchemas;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.MovableClock;
import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.kafka.TopicReader;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import dev.commonhold.platform.testkit.tokens.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A vote of the owners' assembly through the API, as the committee, owners and the regulator meet it. */
@IntegrationTest
@TestPropertySource(properties = "commonhold.assembly.close-check=1s")
@Import(AssemblyApiIT.Clocks.class)
class AssemblyApiIT {

    /** The service's clock, moved to the end of a voting window instead of waiting for it. */
    @TestConfiguration
    static class Clocks {
        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }

    private static final String EVIDENCE = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MovableClock clock;
    RegistryFixture fixture;
    UUID community;
    String committee;

    @BeforeEach
    void aCommunityOf25OwnersWithACommittee() {
        fixture = new RegistryFixture(port);
        community = fixture.registerCommunity("劲松北社区", "110105");
        assertThat(fixture.importSheet(community, RegistryFixture.sheet(40)).status()).isEqualTo(201);
        committee = fixture.committee(community);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void committeeOpensAVoteOwnersVoteAndTheResultIsPublishedToTheCommunity() {
        List<UUID> owners = ownersByArea(); // the developer, holding 15 unsold units, first
        TestTokens.User owner = linkedResident(owners.get(1));
        Instant closesAt = clock.instant().plus(Duration.ofDays(14)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String resolution = draft("2027 年度预算", "annual_budget", "whole_community", List.of(), closesAt);
        JsonNode opened = api(committee).post(path(resolution) + "/open", "").json();
        assertThat(opened.get("status").asString()).isEqualTo("OPEN");
        assertThat(opened.get("participation").get("electorate").get("owners").asInt()).isEqualTo(25);

        assertThat(api(owner.token()).post(path(resolution) + "/ballots", Map.of("choice", "REJECT")).status()).isEqualTo(201);
        assertThat(api(owner.token()).post(path(resolution) + "/ballots", Map.of("choice", "REJECT")).status()).as("same vote again: nothing new").isEqualTo(200);
        JsonNode changed = api(owner.token()).post(path(resolution) + "/ballots", Map.of("choice", "APPROVE")).json();
        assertThat(changed.findValuesAsString("choice")).as("V8: every ballot is kept, the latest counts").containsExactly("REJECT", "APPROVE");
        owners.subList(2, 11).forEach(other -> record(resolution, other, "APPROVE"));

        JsonNode live = api(fixture.resident(community).token()).get(path(resolution)).json();
        assertThat(live.get("participation").get("participating").get("owners").asInt()).isEqualTo(10);
        assertThat(live.get("tally").isNull()).as("how people voted stays hidden until the vote closes").isTrue();
        assertProblem(api(committee).get(path(resolution) + "/ballots"), 409, "vote-not-decided");
        assertThat(api(committee).get(path(resolution) + "/non-voters").json().findValuesAsString("ownerId"))
                .hasSize(15).contains(owners.getFirst().toString()).doesNotContain(owners.get(1).toString());

        record(resolution, owners.getFirst(), "APPROVE");
        owners.subList(11, 17).forEach(other -> record(resolution, other, "APPROVE"));
        assertThat(fields(api(committee).post(path(resolution) + "/close", ""))).as("V10: not before the announced window ends")
                .containsExactly("closesAt");
        clock.advanceTo(closesAt);
        JsonNode decided = api(committee).post(path(resolution) + "/close", "").json();

        assertThat(decided.get("status").asString()).isEqualTo("DECIDED");
        assertThat(decided.get("tally").get("outcome").asString()).isEqualTo("APPROVED");
        assertThat(decided.get("tally").get("approving").get("owners").asInt()).isEqualTo(17);
        assertProblem(api(owner.token()).post(path(resolution) + "/ballots", Map.of("choice", "REJECT")), 422, "voting-rule");
        JsonNode ballots = api(fixture.regulator("1101")).get(path(resolution) + "/ballots").json();
        assertThat(ballots.size()).as("V8: every ballot, the replaced REJECT too, shown to those who oversee the vote").isEqualTo(18);
        assertThat(ballots.valueStream().filter(b -> b.get("counts").asBoolean()).count()).isEqualTo(17);
        assertProblem(api(owner.token()).get(path(resolution) + "/ballots"), 403, "forbidden"); // V8: an owner sees their own ballot only
        await().atMost(Duration.ofSeconds(30)).until(() -> notices().size() == 1);
        assertThat(notices().getFirst().get("body").asString()).contains("通过 (approved)").contains("17 of 25 owners");
    }

    @Test
    void theDecidedEventCarriesExactTalliesAndKeepsItsContract() {
        List<UUID> owners = ownersByArea();
        String resolution = draft("更换物业", "hire_or_dismiss_manager", "whole_community", List.of(), clock.instant().plus(Duration.ofDays(7)));
        api(committee).post(path(resolution) + "/open", "");
        owners.subList(0, 20).forEach(o -> record(resolution, o, "APPROVE"));
        owners.subList(20, 23).forEach(o -> record(resolution, o, "ABSTAIN"));
        clock.advance(Duration.ofDays(7));
        assertThat(api(committee).post(path(resolution) + "/close", "").status()).isEqualTo(200);

        ConsumerRecord<String, String> decided = TopicReader.read(Infra.kafka().bootstrapServers(), "community.events", Duration.ofSeconds(60),
                        records -> records.stream().anyMatch(r -> r.value().contains(resolution)))
                .stream().filter(r -> r.value().contains(resolution)).findFirst().orElseThrow();

        JsonNode envelope = EventJson.readTree(decided.value());
        assertThat(new EventSchemas().problems(envelope)).isEmpty();
        assertThat(decided.key()).isEqualTo(community.toString());
        JsonNode tally = envelope.get("payload").get("tally");
        assertThat(tally.get("participation").get("owners").get("numerator").asInt()).isEqualTo(23);
        assertThat(tally.get("participation").get("owners").get("denominator").asInt()).isEqualTo(25);
        assertThat(tally.get("approval").get("owners").get("numerator").asInt()).isEqualTo(20);
        assertThat(tally.get("approval").get("owners").get("denominator").asInt()).as("abstainers take part (V6)").isEqualTo(23);
        assertThat(envelope.get("payload").get("outcome").asString()).isEqualTo("APPROVED");
    }

    @Test
    void aBuildingsRoofIsVotedByItsOwnersOnlyButOtherMattersByEveryoneV7() {
        JsonNode buildings = api(fixture.operator()).get("/api/community/communities/" + community + "/buildings").json();
        String building1 = buildings.get(0).get("id").asString();
        String building2 = api(fixture.operator()).post("/api/community/communities/" + community + "/buildings", Map.of("name", "2")).json().get("id").asString();
        api(fixture.operator()).post("/api/community/communities/" + community + "/units", Map.of("buildingId", building2, "number", "101",
                "exclusiveAreaM2", 88.5, "use", "residential", "ownerId", registerOwner("二号楼业主")));

        String roof = draft("1号楼屋面防水维修", "use_maintenance_fund", "buildings", List.of(building1), clock.instant().plus(Duration.ofDays(7)));
        JsonNode opened = api(committee).post(path(roof) + "/open", "").json();
        ApiResponse notAllowed = api(committee).post("/api/community/communities/" + community + "/resolutions", draftBody("广告位出租",
                "commercial_use_of_common_parts", "buildings", List.of(building1), clock.instant().plus(Duration.ofDays(7))));

        long unitsInBuilding1 = jdbc.queryForObject("SELECT count(*) FROM unit WHERE building_id = ?", Long.class, UUID.fromString(building1));
        assertThat(opened.get("participation").get("electorate").get("owners").asInt()).as("26 owners, 25 in building 1").isEqualTo(25);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM electorate_unit WHERE resolution_id = ?", Long.class, UUID.fromString(roof)))
                .isEqualTo(unitsInBuilding1);
        assertProblem(notAllowed, 422, "voting-rule");
        assertThat(notAllowed.json().get("errors").get(0).get("field").asString()).isEqualTo("electorate.scope");
    }

    @Test
    void aSaleAfterVotingOpensDoesNotChangeWhoVotes() {
        List<UUID> owners = ownersByArea();
        TestTokens.User seller = linkedResident(owners.get(1));
        TestTokens.User buyer = linkedResident(registerOwner("买家"));
        String resolution = draft("管理规约修订", "owners_rules", "whole_community", List.of(), clock.instant().plus(Duration.ofDays(7)));
        api(committee).post(path(resolution) + "/open", "");
        String unit = jdbc.queryForObject("SELECT id::text FROM unit WHERE owner_id = ? LIMIT 1", String.class, owners.get(1));
        api(fixture.operator()).post("/api/community/communities/" + community + "/units/" + unit + "/transfers",
                Map.of("toOwnerId", ownerOf(buyer), "effectiveOn", "2026-11-24"));

        assertThat(api(seller.token()).post(path(resolution) + "/ballots", Map.of("choice", "APPROVE")).status()).isEqualTo(201);
        assertProblem(api(buyer.token()).post(path(resolution) + "/ballots", Map.of("choice", "APPROVE")), 403, "forbidden");
    }

    @Test
    void whereTheCommunitysRulesSaySoNonVotersApproveAndTheClockClosesTheVoteV6() {
        ApiResponse withoutDocument = api(committee).put("/api/community/communities/" + community + "/assembly-rules",
                Map.of("nonVotersCountAsApproving", true));
        assertProblem(withoutDocument, 422, "voting-rule");
        api(committee).put("/api/community/communities/" + community + "/assembly-rules",
                Map.of("nonVotersCountAsApproving", true, "rulesDocumentSha256", EVIDENCE));
        List<UUID> owners = ownersByArea();
        String resolution = draft("选举业主委员会", "elect_committee", "whole_community", List.of(), clock.instant().plus(Duration.ofDays(10)));
        api(committee).post(path(resolution) + "/open", "");
        record(resolution, owners.getFirst(), "REJECT");
        clock.advance(Duration.ofDays(10)); // nobody closes it: the clock does

        await().atMost(Duration.ofSeconds(20)).until(() -> api(committee).get(path(resolution)).json().get("status").asString().equals("DECIDED"));

        JsonNode tally = api(committee).get(path(resolution)).json().get("tally");
        assertThat(tally.get("approving").get("owners").asInt()).isEqualTo(24);
        assertThat(tally.get("outcome").asString()).isEqualTo("APPROVED");
    }

    @Test
    void anOwnerMayChangeTheirVoteUntilTheAnnouncedWindowEndsAndEveryBallotStaysVisibleV10V8() {
        // issue 16, cases 7 and 8: owners A, B, C of 100 m² each, an ordinary matter; A and B approve
        community = fixture.registerCommunity("三户小区", "110105");
        committee = fixture.committee(community);
        assertThat(fixture.importSheet(community, "building,unit,floor,exclusive_area_m2,use,owner_ref,owner_name,owner_kind\n"
                + "1,101,1,100.00,residential,A,业主甲,person\n1,102,1,100.00,residential,B,业主乙,person\n"
                + "1,103,1,100.00,residential,C,业主丙,person\n").status()).isEqualTo(201);
        UUID a = ownerNamed("业主甲");
        UUID b = ownerNamed("业主乙");
        TestTokens.User ownerA = linkedResident(a);
        Instant announced = clock.instant().plus(Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String resolution = draft("更换电梯维保单位", "annual_budget", "whole_community", List.of(), announced);
        api(committee).post(path(resolution) + "/open", "");
        assertThat(api(ownerA.token()).post(path(resolution) + "/ballots", Map.of("choice", "APPROVE")).status()).isEqualTo(201);
        record(resolution, b, "APPROVE");

        ApiResponse early = api(committee).post(path(resolution) + "/close", "");
        assertProblem(early, 422, "voting-rule");
        assertThat(early.json().get("detail").asString()).contains("rule V10");
        Instant extended = announced.plus(Duration.ofDays(3));
        assertThat(fields(api(committee).post(path(resolution) + "/extensions", Map.of("closesAt", announced.minusSeconds(1).toString(),
                "reason", "提前结束")))).as("never shortened").containsExactly("closesAt");
        assertThat(fields(api(committee).post(path(resolution) + "/extensions", Map.of("reason", "没有日期")))).containsExactly("closesAt");
        assertProblem(api(ownerA.token()).post(path(resolution) + "/extensions", Map.of("closesAt", extended.toString(), "reason", "我想延长")),
                403, "forbidden");
        JsonNode afterExtension = api(committee).post(path(resolution) + "/extensions",
                Map.of("closesAt", extended.toString(), "reason", "国庆假期，部分业主外出")).json();
        assertThat(Instant.parse(afterExtension.get("closesAt").asString())).isEqualTo(extended);
        assertThat(afterExtension.get("extensions").get(0).get("reason").asString()).isEqualTo("国庆假期，部分业主外出");
        assertThat(notices()).singleElement().satisfies(n -> assertThat(n.get("kind").asString()).isEqualTo("EXTENSION"))
                .satisfies(n -> assertThat(n.get("body").asString()).contains("延长至").contains("国庆假期，部分业主外出"));

        clock.advanceTo(announced);
        assertThat(api(committee).post(path(resolution) + "/close", "").status()).as("the old close no longer ends it").isEqualTo(422);
        assertThat(api(ownerA.token()).post(path(resolution) + "/ballots", Map.of("choice", "REJECT")).status()).isEqualTo(201);
        clock.advanceTo(extended);
        JsonNode decided = api(committee).post(path(resolution) + "/close", "").json();

        assertThat(decided.get("tally").get("outcome").asString()).as("1 of 2 participating owners approve: exactly 1/2 fails (V3, V4)")
                .isEqualTo("REJECTED");
        assertProblem(api(ownerA.token()).post(path(resolution) + "/ballots", Map.of("choice", "APPROVE")), 422, "voting-rule");
        JsonNode ballots = api(committee).get(path(resolution) + "/ballots").json();
        assertThat(ballots.valueStream().map(x -> x.get("name").asString() + " " + x.get("choice").asString() + " " + x.get("channel").asString()
                + " " + x.get("counts").asBoolean()).toList()).as("V8: A's first APPROVE is still shown, with its time and channel")
                .containsExactly("业主甲 APPROVE ONLINE false", "业主乙 APPROVE PAPER true", "业主甲 REJECT ONLINE true");
        assertThat(ballots.valueStream().map(x -> Instant.parse(x.get("castAt").asString())).toList()).isSorted();
        await().atMost(Duration.ofSeconds(30)).until(() -> notices().size() == 2);
        assertThat(notices().getFirst().get("kind").asString()).isEqualTo("DECISION");
    }

    @Test
    void theDatabaseRefusesToShortenAWindowOrDecideBeforeItEndsV10() {
        String resolution = draft("管理规约修订", "owners_rules", "whole_community", List.of(), clock.instant().plus(Duration.ofDays(7)));
        api(committee).post(path(resolution) + "/open", "");
        UUID id = UUID.fromString(resolution);

        assertThatThrownBy(() -> jdbc.update("UPDATE resolution SET closes_at = closes_at - interval '1 second' WHERE id = ?", id))
                .hasMessageContaining("never shortened");
        assertThatThrownBy(() -> jdbc.update("UPDATE resolution SET status = 'DECIDED', decided_at = now(), outcome = 'APPROVED' WHERE id = ?", id))
                .hasMessageContaining("only once its voting window has ended");
        assertThat(api(committee).get(path(resolution)).json().get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void onlyTheCommitteeConvenesAndOnlyOwnersVote() {
        String resolution = draft("其他事项", "other_major_matter", "whole_community", List.of(), clock.instant().plus(Duration.ofDays(7)));
        TestTokens.User tenant = fixture.resident(community);

        assertProblem(api(fixture.resident(community).token()).post(path(resolution) + "/open", ""), 403, "forbidden");
        assertProblem(api(fixture.operator()).post("/api/community/communities/" + community + "/resolutions",
                draftBody("x", "other_major_matter", "whole_community", List.of(), clock.instant().plusSeconds(600))), 403, "forbidden");
        api(committee).post(path(resolution) + "/open", "");
        assertProblem(api(tenant.token()).post(path(resolution) + "/ballots", Map.of("choice", "APPROVE")), 403, "forbidden");
    }

    @Test
    void badDraftsAreRefusedByField() {
        ApiResponse noTitle = api(committee).post("/api/community/communities/" + community + "/resolutions",
                draftBody("", "annual_budget", "whole_community", List.of(), clock.instant().plusSeconds(600)));
        ApiResponse unknownMatter = api(committee).post("/api/community/communities/" + community + "/resolutions",
                draftBody("x", "sell_the_roof", "whole_community", List.of(), clock.instant().plusSeconds(600)));
        ApiResponse past = api(committee).post("/api/community/communities/" + community + "/resolutions",
                draftBody("x", "annual_budget", "whole_community", List.of(), clock.instant().minusSeconds(600)));
        ApiResponse paperWithoutEvidence = paperBallotWithoutEvidence();

        assertProblem(noTitle, 400, "validation");
        assertThat(fields(unknownMatter)).containsExactly("matter");
        assertThat(fields(past)).containsExactly("closesAt");
        assertThat(fields(paperWithoutEvidence)).containsExactly("evidenceSha256");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM resolution WHERE community_id = ?", Long.class, community)).isEqualTo(1);
    }

    private ApiResponse paperBallotWithoutEvidence() {
        String resolution = draft("x", "annual_budget", "whole_community", List.of(), clock.instant().plusSeconds(600));
        api(committee).post(path(resolution) + "/open", "");
        return api(committee).post(path(resolution) + "/recorded-ballots", Map.of("ownerId", ownersByArea().getFirst(), "choice", "APPROVE",
                "channel", "PAPER"));
    }

    private String draft(String title, String matter, String scope, List<String> ids, Instant closesAt) {
        ApiResponse created = api(committee).post("/api/community/communities/" + community + "/resolutions", draftBody(title, matter, scope, ids, closesAt));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static Map<String, Object> draftBody(String title, String matter, String scope, List<String> ids, Instant closesAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("matter", matter);
        body.put("electorate", Map.of("scope", scope, "ids", ids));
        body.put("documents", List.of(Map.of("name", "决议草案.pdf", "sha256", EVIDENCE)));
        body.put("closesAt", closesAt.toString());
        return body;
    }

    private void record(String resolution, UUID owner, String choice) {
        ApiResponse recorded = api(committee).post(path(resolution) + "/recorded-ballots",
                Map.of("ownerId", owner, "choice", choice, "channel", "PAPER", "evidenceSha256", EVIDENCE));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    }

    /** Owners holding units, largest registered area first (the developer's 15 unsold units come first). */
    private List<UUID> ownersByArea() {
        return jdbc.queryForList("""
                SELECT o.id FROM owner o JOIN unit u ON u.owner_id = o.id WHERE o.community_id = ?
                GROUP BY o.id ORDER BY sum(u.exclusive_area_centi) DESC, o.id""", UUID.class, community);
    }

    private UUID ownerNamed(String name) {
        return jdbc.queryForObject("SELECT id FROM owner WHERE community_id = ? AND name = ?", UUID.class, community, name);
    }

    private UUID registerOwner(String name) {
        return UUID.fromString(api(fixture.operator()).post("/api/community/communities/" + community + "/owners",
                Map.of("kind", "person", "name", name)).json().get("id").asString());
    }

    private TestTokens.User linkedResident(UUID owner) {
        TestTokens.User user = fixture.resident(community);
        api(fixture.operator()).put("/api/community/communities/" + community + "/owners/" + owner + "/account", Map.of("userId", user.subject()));
        return user;
    }

    private UUID ownerOf(TestTokens.User user) {
        return jdbc.queryForObject("SELECT id FROM owner WHERE community_id = ? AND user_id = ?", UUID.class, community, user.subject());
    }

    private List<JsonNode> notices() {
        return api(fixture.resident(community).token()).get("/api/community/communities/" + community + "/notices").json().valueStream().toList();
    }

    private String path(String resolution) {
        return "/api/community/communities/" + community + "/resolutions/" + resolution;
    }

    private Api api(String token) {
        return fixture.as(token);
    }

    private static void assertProblem(ApiResponse response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("type").asString()).isEqualTo("tag:commonhold.dev,2026:problem/" + slug);
    }

    private static List<String> fields(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isIn(400, 422);
        return response.json().get("errors").findValuesAsString("field");
    }
}
