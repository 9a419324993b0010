package dev.commonhold.community.registry.web;

import dev.commonhold.community.registry.RegistryFixture;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.http.RawHttp;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import dev.commonhold.platform.testkit.Infra;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry through its HTTP API, as each kind of user meets it. */
@IntegrationTest
class RegistryApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    RegistryFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new RegistryFixture(port);
    }

    @Test
    void operatorRegistersACommunityForItsOwnCompany() {
        ApiResponse created = fixture.as(fixture.operator()).post("/api/community/communities",
                RegistryFixture.communityRequest("劲松北社区", "110105"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/community/communities/" + created.json().get("id").asString());
        assertThat(created.json().get("operatorCompanyId").asString()).isEqualTo(fixture.company.toString());
        assertThat(created.json().get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(created.json().get("declaredFloorAreaM2").decimalValue()).isEqualByComparingTo("120000.50");
    }

    @Test
    void pathsTheSecurityFirewallRefusesAreProblemsWithATraceIdWithOrWithoutATokenIssue16Item6() {
        UUID b = UUID.randomUUID();
        List<String> refused = List.of("/api;x=1/community/communities", "/api/community/communities/" + b + ";x=1/owners",
                "/api/community//communities", "/api/community/communities/" + b + "/../" + b, "/api/community/%2e%2e/communities",
                "/api/community/communities%2F" + b, "/api/community/communities/%00", "/api/community/%63ommunities/" + b,
                "/%61pi/community/communities");
        for (String path : refused) {
            for (String token : java.util.Arrays.asList(fixture.operator(), null)) {
                RawHttp.Answer answer = token == null ? RawHttp.get(port, path) : RawHttp.get(port, path, "Authorization: Bearer " + token);

                assertThat(answer.status()).as(path).isEqualTo(400);
                assertThat(answer.headers().get("content-type")).as(path + ": " + answer.body()).startsWith("application/problem+json");
                assertThat(answer.json().get("type").asString()).as(path).endsWith("/malformed-request");
                assertThat(answer.json().get("traceId").asString()).as(path).matches("[0-9a-f]{32}");
            }
        }
        RawHttp.Answer method = RawHttp.send(port, "FOO /api/community/communities HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(method.status()).isEqualTo(400);
        assertThat(method.headers().get("content-type")).as(method.body()).startsWith("application/problem+json");
    }

    @Test
    void operatorCannotRegisterACommunityForAnotherCompany() {
        Map<String, Object> request = new java.util.HashMap<>(RegistryFixture.communityRequest("别人的社区", "110105"));
        request.put("operatorCompanyId", UUID.randomUUID().toString());

        assertProblem(fixture.as(fixture.operator()).post("/api/community/communities", request), 403, "forbidden");
    }

    @Test
    void residentCannotRegisterACommunity() {
        ApiResponse response = fixture.as(fixture.resident(UUID.randomUUID()).token()).post("/api/community/communities",
                RegistryFixture.communityRequest("x", "110105"));

        assertProblem(response, 403, "forbidden");
    }

    @Test
    void noTokenIsA401ProblemSayingWhatToSend() {
        ApiResponse response = fixture.api.get("/api/community/communities");

        assertProblem(response, 401, "unauthenticated");
        assertThat(response.json().get("detail").asString()).contains("bearer token");
    }

    @Test
    void tokenMintedForAnotherAudienceIsRefused() {
        String foreign = Infra.tokens().user("resident").roles("resident").claim("aud", List.of("some-other-app")).token();

        assertThat(fixture.as(foreign).get("/api/community/communities").status()).isEqualTo(401);
    }

    @Test
    void invalidCommunityNamesEveryBadFieldAndStoresNothing() {
        long before = communities();
        Map<String, Object> request = new java.util.HashMap<>(RegistryFixture.communityRequest("", "1101"));
        request.put("declaredFloorAreaM2", 12.345);

        ApiResponse response = fixture.as(fixture.operator()).post("/api/community/communities", request);

        assertProblem(response, 400, "validation");
        assertThat(fields(response)).containsExactlyInAnyOrder("name", "divisionCode", "declaredFloorAreaM2");
        assertThat(communities()).isEqualTo(before);
    }

    @Test
    void unknownFieldIsNamedAndNothingIsStored() {
        long before = communities();
        Map<String, Object> request = new java.util.HashMap<>(RegistryFixture.communityRequest("x", "110105"));
        request.put("propertyFeeYuan", 2.5);

        ApiResponse response = fixture.as(fixture.operator()).post("/api/community/communities", request);

        assertThat(fields(response)).containsExactly("propertyFeeYuan");
        assertThat(communities()).isEqualTo(before);
    }

    @Test
    void residentSeesOwnCommunityAndGets404ForAnother() {
        UUID mine = fixture.registerCommunity("劲松北社区", "110105");
        UUID other = fixture.registerCommunity("劲松南社区", "110105");
        var resident = fixture.as(fixture.resident(mine).token());

        assertThat(resident.get("/api/community/communities/" + mine).status()).isEqualTo(200);
        assertProblem(resident.get("/api/community/communities/" + other), 404, "not-found");
        assertProblem(resident.get("/api/community/communities/" + other + "/units"), 404, "not-found");
        assertThat(ids(resident.get("/api/community/communities").json().get("items"))).containsExactly(mine.toString());
    }

    @Test
    void operatorOfAnotherCompanyCannotSeeOrChangeTheCommunity() {
        UUID community = fixture.registerCommunity("劲松北社区", "110105");
        var rival = fixture.as(fixture.otherOperator());

        assertProblem(rival.get("/api/community/communities/" + community), 404, "not-found");
        assertProblem(rival.post("/api/community/communities/" + community + "/buildings", Map.of("name", "9")), 404, "not-found");
    }

    @Test
    void regulatorReadsCommunitiesInItsJurisdictionButNoPersonalData() {
        UUID chaoyang = fixture.registerCommunity("劲松北社区", "110105");
        UUID nanjing = fixture.registerCommunity("鼓楼小区", "320106");
        var regulator = fixture.as(fixture.regulator("1101"));

        List<String> visible = ids(regulator.get("/api/community/communities?limit=500").json().get("items"));
        assertThat(visible).contains(chaoyang.toString()).doesNotContain(nanjing.toString());
        assertProblem(regulator.get("/api/community/communities/" + nanjing), 404, "not-found");
        assertProblem(regulator.get("/api/community/communities/" + chaoyang + "/owners"), 403, "forbidden");
        assertProblem(regulator.post("/api/community/communities/" + chaoyang + "/buildings", Map.of("name", "9")), 403, "forbidden");
    }

    @Test
    void unitOwnerIsShownToTheCommitteeButNotToOtherResidents() {
        UUID community = fixture.registerCommunity("劲松北社区", "110105");
        UUID unit = registerUnit(community, "1", "101", 89.37, registerOwner(community, "张三"));

        JsonNode asResident = fixture.as(fixture.resident(community).token()).get(unitPath(community, unit)).json();
        JsonNode asCommittee = fixture.as(fixture.committee(community)).get(unitPath(community, unit)).json();

        assertThat(asResident.get("exclusiveAreaM2").decimalValue()).isEqualByComparingTo("89.37");
        assertThat(asResident.get("ownerId").isNull()).isTrue();
        assertThat(asCommittee.get("ownerId").isNull()).isFalse();
        assertProblem(fixture.as(fixture.resident(community).token()).get("/api/community/communities/" + community + "/owners"), 403, "forbidden");
    }

    @Test
    void unitAreaWithThreeDecimalsIsRefusedByName() {
        UUID community = fixture.registerCommunity("劲松北社区", "110105");
        UUID owner = registerOwner(community, "张三");
        UUID building = registerBuilding(community, "1");

        ApiResponse response = fixture.as(fixture.staff()).post("/api/community/communities/" + community + "/units",
                Map.of("buildingId", building, "number", "101", "exclusiveAreaM2", 89.375, "use", "residential", "ownerId", owner));

        assertProblem(response, 400, "validation");
        assertThat(fields(response)).containsExactly("exclusiveAreaM2");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM unit WHERE community_id = ?", Long.class, community)).isZero();
    }

    @Test
    void sameUnitNumberTwiceInABuildingIsAConflict() {
        UUID community = fixture.registerCommunity("劲松北社区", "110105");
        UUID owner = registerOwner(community, "张三");
        registerUnit(community, "1", "101", 80, owner);

        ApiResponse again = fixture.as(fixture.operator()).post("/api/community/communities/" + community + "/units",
                Map.of("buildingId", buildingId(community, "1"), "number", "101", "exclusiveAreaM2", 80, "use", "residential", "ownerId", owner));

        assertProblem(again, 409, "conflict");
    }

    @Test
    void ownershipTransferMovesTheUnitToTheBuyer() {
        UUID community = fixture.registerCommunity("劲松北社区", "110105");
        UUID developer = registerOwner(community, "劲松置业", "developer");
        UUID buyer = registerOwner(community, "李四");
        UUID unit = registerUnit(community, "1", "101", 90, developer);

        ApiResponse transferred = fixture.as(fixture.operator()).post(unitPath(community, unit) + "/transfers",
                Map.of("toOwnerId", buyer, "effectiveOn", "2026-11-23"));
        ApiResponse again = fixture.as(fixture.operator()).post(unitPath(community, unit) + "/transfers",
                Map.of("toOwnerId", buyer, "effectiveOn", "2026-11-24"));

        assertThat(transferred.status()).isEqualTo(200);
        assertThat(transferred.json().get("ownerId").asString()).isEqualTo(buyer.toString());
        assertProblem(again, 409, "conflict");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ownership_transfer WHERE unit_id = ?", Long.class, unit)).isEqualTo(1);
    }

    @Test
    void registerCountsOwnersTheWayVotesDo() {
        UUID community = fixture.registerCommunity("劲松北社区", "110105");
        UUID developer = registerOwner(community, "劲松置业", "developer");
        UUID buyer = registerOwner(community, "张三");
        registerUnit(community, "1", "101", 50.5, developer);
        registerUnit(community, "1", "102", 60.25, developer);
        registerUnit(community, "1", "103", 70, developer);
        registerUnit(community, "2", "101", 80, buyer);
        registerUnit(community, "2", "102", 90, buyer);

        JsonNode register = fixture.as(fixture.operator()).get("/api/community/communities/" + community).json().get("register");

        assertThat(register.get("units").asInt()).isEqualTo(5);
        assertThat(register.get("owners").asInt()).as("the developer's unsold units count once, so do a buyer's two (V5)").isEqualTo(2);
        assertThat(register.get("buildings").asInt()).isEqualTo(2);
        assertThat(register.get("exclusiveAreaM2").decimalValue()).isEqualByComparingTo("350.75");
    }

    @Test
    void committeeIsRecordedByTheOperatorAndReadByResidents() {
        UUID community = fixture.registerCommunity("劲松北社区", "110105");
        UUID chair = registerOwner(community, "王芳");
        Map<String, Object> committee = Map.of("kind", "owners_committee", "termStart", "2026-01-01", "termEnd", "2031-01-01",
                "members", List.of(Map.of("name", "王芳", "role", "chair", "ownerId", chair), Map.of("name", "赵军", "role", "member")));

        ApiResponse appointed = fixture.as(fixture.operator()).put("/api/community/communities/" + community + "/committee", committee);
        ApiResponse byResident = fixture.as(fixture.resident(community).token()).put("/api/community/communities/" + community + "/committee", committee);
        JsonNode read = fixture.as(fixture.resident(community).token()).get("/api/community/communities/" + community + "/committee").json();

        assertThat(appointed.status()).isEqualTo(200);
        assertProblem(byResident, 403, "forbidden");
        assertThat(read.get("members").findValuesAsString("name")).containsExactly("王芳", "赵军");
        assertThat(read.get("members").get(0).get("role").asString()).isEqualTo("CHAIR");
    }

    @Test
    void committeeWithTwoChairsIsRefused() {
        UUID community = fixture.registerCommunity("劲松北社区", "110105");

        ApiResponse response = fixture.as(fixture.operator()).put("/api/community/communities/" + community + "/committee",
                Map.of("kind", "owners_committee", "termStart", "2026-01-01", "termEnd", "2031-01-01",
                        "members", List.of(Map.of("name", "A", "role", "chair"), Map.of("name", "B", "role", "chair"))));

        assertProblem(response, 400, "validation");
        assertThat(fields(response)).containsExactly("members");
    }

    @Test
    void ownerLinkedToTheirLoginSeesTheirHousehold() {
        UUID community = fixture.registerCommunity("劲松北社区", "110105");
        UUID owner = registerOwner(community, "张三");
        UUID unit = registerUnit(community, "1", "101", 88, owner);
        registerUnit(community, "1", "102", 77, registerOwner(community, "邻居"));
        var resident = fixture.resident(community);
        fixture.as(fixture.operator()).put("/api/community/communities/" + community + "/owners/" + owner + "/account",
                Map.of("userId", resident.subject()));

        JsonNode household = fixture.as(resident.token()).get("/api/community/communities/" + community + "/households/mine").json();

        assertThat(ids(household.get("units"))).containsExactly(unit.toString());
        assertThat(household.get("units").get(0).get("ownerId").asString()).isEqualTo(owner.toString());
        assertThat(household.get("ownerships").get(0).get("name").asString()).isEqualTo("张三");
    }

    @Test
    void unitsPageByCursorAndFilterByBuilding() {
        UUID community = fixture.registerCommunity("劲松北社区", "110105");
        UUID owner = registerOwner(community, "张三");
        for (int i = 1; i <= 7; i++) {
            registerUnit(community, i <= 4 ? "1" : "2", "10" + i, 60, owner);
        }
        var operator = fixture.as(fixture.operator());

        JsonNode first = operator.get("/api/community/communities/" + community + "/units?limit=5").json();
        JsonNode second = operator.get("/api/community/communities/" + community + "/units?limit=5&cursor=" + first.get("next").asString()).json();
        JsonNode building2 = operator.get("/api/community/communities/" + community + "/units?buildingId=" + buildingId(community, "2")).json();

        assertThat(first.get("items").size()).isEqualTo(5);
        assertThat(second.get("items").size()).isEqualTo(2);
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(building2.get("items").findValuesAsString("building")).containsOnly("2").hasSize(3);
    }

    private UUID registerOwner(UUID community, String name) {
        return registerOwner(community, name, "person");
    }

    private UUID registerOwner(UUID community, String name, String kind) {
        ApiResponse created = fixture.as(fixture.operator()).post("/api/community/communities/" + community + "/owners",
                Map.of("kind", kind, "name", name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private UUID registerBuilding(UUID community, String name) {
        ApiResponse created = fixture.as(fixture.operator()).post("/api/community/communities/" + community + "/buildings", Map.of("name", name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private UUID buildingId(UUID community, String name) {
        JsonNode buildings = fixture.as(fixture.operator()).get("/api/community/communities/" + community + "/buildings").json();
        return buildings.valueStream().filter(b -> b.get("name").asString().equals(name)).findFirst()
                .map(b -> UUID.fromString(b.get("id").asString())).orElseGet(() -> registerBuilding(community, name));
    }

    private UUID registerUnit(UUID community, String building, String number, double area, UUID owner) {
        ApiResponse created = fixture.as(fixture.operator()).post("/api/community/communities/" + community + "/units",
                Map.of("buildingId", buildingId(community, building), "number", number, "exclusiveAreaM2", area, "use", "residential", "ownerId", owner));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private static String unitPath(UUID community, UUID unit) {
        return "/api/community/communities/" + community + "/units/" + unit;
    }

    private long communities() {
        return jdbc.queryForObject("SELECT count(*) FROM community", Long.class);
    }

    static void assertProblem(ApiResponse response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("tag:commonhold.dev,2026:problem/" + slug);
    }

    static List<String> fields(ApiResponse response) {
        return response.json().get("errors").findValuesAsString("field");
    }

    private static List<String> ids(JsonNode items) {
        return items.findValuesAsString("id");
    }
}
