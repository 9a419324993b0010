package dev.commonhold.community.membership.web;

import dev.commonhold.community.membership.MembershipFixture;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import dev.commonhold.platform.testkit.tokens.TestTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Residents join (issue 15) through the community service's API: codes, the guessing limit,
 * requests and their review, unbinding on a sale or a move out, the log of every decision, and
 * phones masked to others. Keycloak is away here (the account updates queue); AccountSyncIT and
 * the end-to-end ResidentOnboardingIT show them arriving.
 */
@IntegrationTest
class MembershipApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    MembershipFixture f;

    @BeforeEach
    void setUp() {
        f = new MembershipFixture(port);
    }

    @Test
    void anOwnerCodeBindsWhoeverEntersItAsTheOwnerOfRecordOnceAndTheirAccountUpdateIsQueued() {
        String code = f.issue("1", "301", "owner");
        TestTokens.User newcomer = f.newcomer();

        ApiResponse bound = f.redeem(newcomer.token(), code.toLowerCase().replace("-", " "));

        assertThat(bound.status()).as(bound.body()).isEqualTo(200);
        assertThat(bound.json().get("communityId").asString()).isEqualTo(f.community.toString());
        assertThat(bound.json().get("boundAs").asString()).isEqualTo("owner");
        assertThat(f.household(newcomer).get("units").findValuesAsString("number")).containsExactly("301");
        JsonNode homes = f.registry.as(newcomer.token()).get("/api/community/me/homes").json();
        assertThat(homes.get("homes").findValuesAsString("unit")).containsExactly("301");
        assertThat(homes.get("accountUpToDate").asBoolean()).as("Keycloak is away: the update waits in the queue").isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_sync WHERE user_id = ?", Integer.class, newcomer.subject())).isEqualTo(1);

        ApiResponse again = f.redeem(f.newcomer().token(), code);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("type").asString()).endsWith("/code-not-accepted");
        assertThat(again.json().get("detail").asString()).contains("already been used");
        assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
        assertThat(f.registry.as(f.registry.staff()).get(f.path("/invitations?unitId=" + f.unitId("1", "301"))).json().get("items")
                .findValuesAsString("status")).containsExactly("redeemed");
    }

    @Test
    void theCodeDecidesAsWhatAndAFamilyMemberOrTenantGivesTheirName() {
        String tenantCode = f.issue("1", "305", "tenant");
        TestTokens.User tenant = f.newcomer();

        ApiResponse nameless = f.redeem(tenant.token(), tenantCode);
        assertThat(nameless.status()).isEqualTo(400);
        assertThat(nameless.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        ApiResponse bound = f.redeem(tenant.token(), tenantCode, "王芳");

        assertThat(bound.status()).as(bound.body()).isEqualTo(200);
        assertThat(bound.json().get("boundAs").asString()).isEqualTo("tenant");
        JsonNode household = f.household(tenant);
        assertThat(household.get("residences").findValuesAsString("relation")).containsExactly("TENANT");
        assertThat(household.get("ownerships")).isEmpty();
    }

    @Test
    void anOwnerAlreadyBoundToAnotherLoginIsNotRebindByACodeAndTheCodeStaysUsable() {
        String first = f.issue("1", "401", "owner");
        assertThat(f.redeem(f.newcomer().token(), first).status()).isEqualTo(200);
        String second = f.issue("1", "401", "owner");

        ApiResponse refused = f.redeem(f.newcomer().token(), second);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("bound to another login");
        assertThat(f.registry.as(f.registry.staff()).get(f.path("/invitations?unitId=" + f.unitId("1", "401"))).json().get("items")
                .findValuesAsString("status")).containsExactlyInAnyOrder("redeemed", "active");
    }

    /** OWN-0 owns 1/101 and 1/102: two people entering the two flats' owner codes at the same moment cannot both become that owner. */
    @Test
    void twoPeopleRedeemingCodesOfOneOwnersTwoFlatsAtOnceBindOneOfThem() throws Exception {
        String first = f.issue("1", "101", "owner");
        String second = f.issue("1", "102", "owner");
        List<TestTokens.User> people = List.of(f.newcomer(), f.newcomer());

        List<Integer> statuses;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var a = pool.submit(() -> f.redeem(people.get(0).token(), first).status());
            var b = pool.submit(() -> f.redeem(people.get(1).token(), second).status());
            statuses = List.of(a.get(), b.get());
        }

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        TestTokens.User winner = people.get(statuses.indexOf(200));
        assertThat(f.household(winner).get("units").findValuesAsString("number")).containsExactlyInAnyOrder("101", "102");
        assertThat(f.redeem(winner.token(), f.issue("1", "101", "family"), "李伟").status()).as("the owner is bound there already").isEqualTo(409);
    }

    @Test
    void aNewOwnerCodeWithdrawsTheUnusedOneAndAWithdrawnCodeBindsNothing() {
        String old = f.issue("1", "402", "owner");
        String fresh = f.issue("1", "402", "owner");

        ApiResponse withdrawn = f.redeem(f.newcomer().token(), old);

        assertThat(withdrawn.status()).isEqualTo(422);
        assertThat(withdrawn.json().get("detail").asString()).contains("withdrawn");
        assertThat(f.redeem(f.newcomer().token(), fresh).status()).isEqualTo(200);
    }

    /** N = 5 (commonhold.membership.max-wrong-codes-per-hour): the 5th wrong code is still answered, the 6th is 429 — and so is the right one. */
    @Test
    void theSixthWrongCodeInAnHourIsRefusedWithRetryAfterAndSoIsARightOneUntilThen() {
        String right = f.issue("1", "403", "owner");
        String guesser = f.newcomer().token();
        for (int i = 1; i <= 5; i++) {
            ApiResponse wrong = f.redeem(guesser, "ZZZZ-ZZZZ-ZZ" + (10 + i));
            assertThat(wrong.status()).as("wrong code " + i).isEqualTo(422);
        }

        ApiResponse sixth = f.redeem(guesser, "ZZZZ-ZZZZ-ZZ99");
        ApiResponse rightButTooLate = f.redeem(guesser, right);

        for (ApiResponse limited : List.of(sixth, rightButTooLate)) {
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.contentType()).startsWith("application/problem+json");
            assertThat(limited.json().get("type").asString()).endsWith("/too-many-code-attempts");
            assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(3500L, 3600L);
        }
        assertThat(f.redeem(f.newcomer().token(), right).status()).as("the limit is per user").isEqualTo(200);
    }

    @Test
    void whatCannotBeACodeIsA400NamingItAndIsNotCountedAsAGuess() {
        String user = f.newcomer().token();
        for (int i = 0; i < 8; i++) {
            ApiResponse malformed = f.redeem(user, "12345");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
        }
        assertThat(f.redeem(user, f.issue("1", "404", "owner")).status()).isEqualTo(200);
    }

    @Test
    void aBuildingsSheetsAreOneA5PagePerUnitWithTheCodeAndQrInChinese() throws Exception {
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + f.path("/buildings/" + f.building("2") + "/invitations")))
                .header("Authorization", "Bearer " + f.registry.staff()).header("Accept", "application/pdf").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"owner\",\"validDays\":60}")).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(pdf.statusCode()).isEqualTo(201);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getNumberOfPages()).as("60 units, 15 of them still the developer's, listed on a last page").isEqualTo(46);
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(1);
            String first = text.getText(document);
            assertThat(first).contains("住户绑定邀请", "2 101 室", "业主", "绑定码").containsPattern("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
            text.setStartPage(46);
            text.setEndPage(46);
            assertThat(text.getText(document)).contains("未生成业主绑定码", "506", "610", "共 15 户");
        }
        JsonNode json = f.registry.as(f.registry.staff()).post(f.path("/buildings/" + f.building("2") + "/invitations"), Map.of("kind", "owner")).json();
        Set<String> codes = new HashSet<>(json.get("issued").findValuesAsString("code"));
        assertThat(codes).hasSize(45);
        assertThat(json.get("developerUnits").valueStream().map(JsonNode::asString).toList()).hasSize(15).startsWith("506").endsWith("610");
        assertThat(json.get("issued").get(0).get("link").asString()).startsWith("http://localhost:8080/join?code=");
    }

    /** The developer's record holds every unsold unit and votes them all (V5): no person's login may become it. */
    @Test
    void noOwnerCodeIsIssuedForAUnitTheDeveloperStillHolds() {
        ApiResponse refused = f.registry.as(f.registry.staff()).post(f.path("/units/" + f.unitId("2", "601") + "/invitations"), Map.of("kind", "owner"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("developer");
        assertThat(f.registry.as(f.registry.staff()).post(f.path("/units/" + f.unitId("2", "601") + "/invitations"), Map.of("kind", "tenant"))
                .status()).as("a tenant of the developer's flat is still a tenant").isEqualTo(201);
        ApiResponse badDays = f.registry.as(f.registry.staff()).post(f.path("/units/" + f.unitId("2", "601") + "/invitations"),
                Map.of("kind", "owner", "validDays", 0));
        assertThat(badDays.status()).as("bad input first: " + badDays.body()).isEqualTo(400);
        ApiResponse ownerRequest = f.registry.as(f.newcomer().token()).post("/api/community/binding-requests", Map.of("communityId", f.community,
                "building", "2", "unit", "601", "relation", "owner", "name", "赵六", "phone", "13700001234"));
        assertThat(ownerRequest.status()).as("refused at once, not left for the operator to refuse").isEqualTo(409);
        assertThat(ownerRequest.json().get("detail").asString()).contains("developer");
    }

    @Test
    void aSaleUnbindsTheSellerFromThatUnitOnlyWithdrawsItsOwnerCodeAndTheBuyersCodeBindsThem() {
        // OWN-0 owns 1/101 and 1/102 (RegistryFixture.sheet: every 50th owner holds two flats).
        TestTokens.User seller = f.newcomer();
        assertThat(f.redeem(seller.token(), f.issue("1", "101", "owner")).status()).isEqualTo(200);
        assertThat(f.household(seller).get("units").findValuesAsString("number")).containsExactlyInAnyOrder("101", "102");
        TestTokens.User daughter = f.newcomer();
        TestTokens.User tenant = f.newcomer();
        assertThat(f.redeem(daughter.token(), f.issue("1", "101", "family"), "李娜").status()).isEqualTo(200);
        assertThat(f.redeem(tenant.token(), f.issue("1", "101", "tenant"), "陈静").status()).isEqualTo(200);
        String unused = f.issue("1", "101", "owner");
        UUID buyerOwner = UUID.fromString(f.registry.as(f.registry.operator()).post(f.path("/owners"),
                Map.of("kind", "person", "name", "张三", "phone", "13900001111")).json().get("id").asString());

        ApiResponse future = f.registry.as(f.registry.operator()).post(f.path("/units/" + f.unitId("1", "101") + "/transfers"),
                Map.of("toOwnerId", buyerOwner, "effectiveOn", java.time.LocalDate.now().plusDays(2).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("effectiveOn");
        ApiResponse sold = f.registry.as(f.registry.operator()).post(f.path("/units/" + f.unitId("1", "101") + "/transfers"),
                Map.of("toOwnerId", buyerOwner, "effectiveOn", java.time.LocalDate.now().minusDays(1).toString()));
        assertThat(sold.status()).as(sold.body()).isEqualTo(200);

        assertThat(f.household(seller).get("units").findValuesAsString("number")).containsExactly("102");
        assertThat(f.household(daughter).get("units")).as("the seller's household leaves with the sale").isEmpty();
        assertThat(f.household(tenant).get("units").findValuesAsString("number")).as("a sale does not end a lease (Civil Code art. 725)")
                .containsExactly("101");
        assertThat(f.redeem(f.newcomer().token(), unused).json().get("detail").asString()).contains("withdrawn");
        TestTokens.User buyer = f.newcomer();
        assertThat(f.redeem(buyer.token(), f.issue("1", "101", "owner")).status()).isEqualTo(200);
        assertThat(f.household(buyer).get("units").findValuesAsString("number")).containsExactly("101");
        JsonNode log = f.registry.as(f.registry.operator()).get(f.path("/bindings?limit=500")).json().get("items");
        assertThat(log.valueStream().filter(e -> e.get("userId").asString().equals(seller.subject()))
                .map(e -> e.get("action").asString() + " " + e.get("via").asString()).toList())
                .containsExactlyInAnyOrder("bound invitation", "bound invitation", "unbound transfer");
        assertThat(log.valueStream().filter(e -> e.get("userId").asString().equals(daughter.subject()))
                .map(e -> e.get("action").asString() + " " + e.get("via").asString()).toList()).containsExactly("bound invitation", "unbound transfer");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_sync WHERE user_id IN (?, ?)", Integer.class, seller.subject(), buyer.subject()))
                .isEqualTo(2);
    }

    @Test
    void withoutACodeAUserAsksTheOwnerOfRecordApprovesAFamilyMemberButNotAnotherOwner() {
        TestTokens.User owner = f.newcomer();
        assertThat(f.redeem(owner.token(), f.issue("1", "501", "owner")).status()).isEqualTo(200);
        String ownerToken = owner.roles("resident").communities(f.community).token();
        UUID community = UUID.fromString(f.registry.as(f.newcomer().token()).get("/api/community/directory?name=" +
                java.net.URLEncoder.encode("劲松", java.nio.charset.StandardCharsets.UTF_8)).json().valueStream()
                .filter(c -> c.get("id").asString().equals(f.community.toString())).findFirst().orElseThrow().get("id").asString());
        TestTokens.User daughter = f.newcomer();
        TestTokens.User claimant = f.newcomer();

        ApiResponse asked = f.registry.as(daughter.token()).post("/api/community/binding-requests", Map.of("communityId", community,
                "building", "1", "unit", "501", "relation", "family", "name", "李娜", "phone", "13812341234"));
        ApiResponse claim = f.registry.as(claimant.token()).post("/api/community/binding-requests", Map.of("communityId", community,
                "building", "1", "unit", "501", "relation", "owner", "name", "赵六", "phone", "13700001234"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(claim.status()).isEqualTo(201);
        assertThat(f.registry.as(daughter.token()).post("/api/community/binding-requests", Map.of("communityId", community,
                "building", "1", "unit", "501", "relation", "family", "name", "李娜", "phone", "13812341234")).status())
                .as("one open request per unit").isEqualTo(409);

        JsonNode seenByOwner = f.registry.as(ownerToken).get(f.path("/binding-requests?status=pending")).json().get("items");
        assertThat(seenByOwner.findValuesAsString("phone")).containsExactlyInAnyOrder("138****1234", "137****1234");
        String daughterRequest = asked.json().get("id").asString();
        String claimRequest = claim.json().get("id").asString();
        assertThat(f.registry.as(ownerToken).post(f.path("/binding-requests/" + claimRequest + "/approve"), "").status())
                .as("an owner does not make someone else an owner").isEqualTo(403);
        ApiResponse approved = f.registry.as(ownerToken).post(f.path("/binding-requests/" + daughterRequest + "/approve"), "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("decidedAs").asString()).isEqualTo("owner_of_record");
        assertThat(f.household(daughter).get("residences").findValuesAsString("name")).containsExactly("李娜");

        ApiResponse reasonless = f.registry.as(f.registry.staff()).post(f.path("/binding-requests/" + claimRequest + "/reject"), Map.of("reason", " "));
        assertThat(reasonless.status()).isEqualTo(400);
        ApiResponse rejected = f.registry.as(f.registry.staff()).post(f.path("/binding-requests/" + claimRequest + "/reject"),
                Map.of("reason", "产权证姓名与登记不符，请携带房产证到物业服务中心办理"));
        assertThat(rejected.json().get("status").asString()).isEqualTo("rejected");
        assertThat(rejected.json().get("phone").asString()).as("the operator sees it in full").isEqualTo("13700001234");
        JsonNode mine = f.registry.as(claimant.token()).get("/api/community/binding-requests/mine").json();
        assertThat(mine.get(0).get("reason").asString()).contains("产权证");
        ApiResponse twice = f.registry.as(ownerToken).post(f.path("/binding-requests/" + daughterRequest + "/approve"), "");
        assertThat(twice.status()).as("decided once").isEqualTo(409);
        assertThat(twice.json().get("detail").asString()).isEqualTo("this request was approved already");
        assertThat(f.registry.as(ownerToken).post("/api/community/binding-requests", Map.of("communityId", community, "building", "1",
                "unit", "501", "relation", "tenant", "name", "李伟", "phone", "13812340000")).status())
                .as("the owner asking to be bound to their own home again").isEqualTo(409);
    }

    @Test
    void aTenancyEndsOnTheDayItIsRecordedNeitherAheadOfItNorBeforeTheMoveIn() {
        TestTokens.User tenant = f.newcomer();
        assertThat(f.redeem(tenant.token(), f.issue("2", "201", "tenant"), "陈静").status()).isEqualTo(200);
        String residentId = f.household(tenant).get("residences").get(0).get("id").asString();

        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")); // the community's zone
        ApiResponse ahead = f.registry.as(f.registry.staff()).post(f.path("/residents/" + residentId + "/move-out"),
                Map.of("movedOut", today.plusDays(1).toString()));
        ApiResponse beforeMovingIn = f.registry.as(f.registry.staff()).post(f.path("/residents/" + residentId + "/move-out"),
                Map.of("movedOut", today.minusDays(1).toString()));
        ApiResponse ended = f.registry.as(f.registry.staff()).post(f.path("/residents/" + residentId + "/move-out"),
                Map.of("movedOut", today.toString()));

        assertThat(ahead.status()).isEqualTo(400);
        assertThat(ahead.json().get("errors").get(0).get("field").asString()).isEqualTo("movedOut");
        assertThat(beforeMovingIn.status()).isEqualTo(400);
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(f.household(tenant).get("units")).isEmpty();
        assertThat(f.registry.as(f.registry.operator()).get(f.path("/bindings?limit=500")).json().get("items").valueStream()
                .filter(e -> e.get("userId").asString().equals(tenant.subject())).map(e -> e.get("action").asString() + " " + e.get("via").asString())
                .toList()).containsExactly("bound invitation", "unbound move_out");
    }

    @Test
    void phonesAreMaskedToTheCommitteeAndInFullToTheOperator() {
        String committee = f.registry.committee(f.community);

        JsonNode byCommittee = f.registry.as(committee).get(f.path("/owners?limit=5")).json().get("items");
        JsonNode byOperator = f.registry.as(f.registry.operator()).get(f.path("/owners?limit=5")).json().get("items");

        assertThat(phones(byCommittee)).isNotEmpty().allMatch(p -> p.matches("1[3-9][0-9]\\*{4}[0-9]{4}"));
        assertThat(phones(byOperator)).isNotEmpty().allMatch(p -> p.matches("1[3-9][0-9]{9}"));
    }

    private static List<String> phones(JsonNode owners) {
        return owners.valueStream().map(o -> o.get("phone")).filter(p -> p != null && !p.isNull()).map(JsonNode::asString).toList();
    }

    @Test
    void anotherOperatorCannotIssueCodesAndAResidentCannotSeeTheBindingLog() {
        ApiResponse rival = f.registry.as(f.registry.otherOperator()).post(f.path("/units/" + f.unitId("1", "101") + "/invitations"),
                Map.of("kind", "owner"));
        ApiResponse resident = f.registry.as(f.registry.resident(f.community).token()).get(f.path("/bindings"));
        ApiResponse residentIssues = f.registry.as(f.registry.resident(f.community).token()).post(f.path("/units/" + f.unitId("1", "101")
                + "/invitations"), Map.of("kind", "owner"));

        assertThat(rival.status()).isEqualTo(404);
        assertThat(resident.status()).isEqualTo(403);
        assertThat(residentIssues.status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM invitation WHERE community_id = ?", Integer.class, f.community)).isZero();
    }
}
