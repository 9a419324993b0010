package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.keycloak.KeycloakClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Seeds the demo community through the gateway, as the demo operator, with real Keycloak tokens —
 * the same way an operator onboards a real one. Each step checks whether it is already done, so a
 * second start (or one after an interrupted first) changes nothing that exists.
 */
public final class DemoSeed {

    public static final String COMMUNITY_NAME = "劲松北社区";
    public static final String DEMO_VOTE = "1号楼屋面防水维修（使用维修资金）";
    private static final String PATH = "/api/community/communities";

    private final Api gateway;
    private final KeycloakClient keycloak;
    private final Progress progress;
    private Api operator;

    DemoSeed(String gatewayUrl, KeycloakClient keycloak, Progress progress) {
        this.gateway = new Api(gatewayUrl);
        this.keycloak = keycloak;
        this.progress = progress;
    }

    /** Seeds (or completes) the demo community; returns its id. */
    public static String run(String gatewayUrl, KeycloakClient keycloak) {
        return new DemoSeed(gatewayUrl, keycloak, new Progress()).seed();
    }

    /**
     * How long a seed waits for an event to cross the stack (a charge reaching billing, a payment reaching the
     * service that raised it). Seconds when the stack is idle; while a dozen JVMs start on two cores and billing
     * publishes three months of invoices, a minute was seen not to be enough.
     */
    static final java.time.Duration EVENT_WAIT = java.time.Duration.ofMinutes(3);

    String seed() {
        operator = gateway.as(keycloak.passwordToken("operator", "operator"));
        String community = existing().orElseGet(this::register);
        if (register(community).get("units").asInt() == 0) {
            importUnits(community);
        }
        link(community, DemoSpreadsheet.RESIDENT_UNIT, "resident");
        link(community, DemoSpreadsheet.COMMITTEE_UNIT, "committee");
        // One sign-in per login, here: Keycloak's brute-force guard may lock out a user whose sign-ins overlap.
        Api staff = gateway.as(keycloak.passwordToken("staff", "staff"));
        // Fee collection, the longest chain of the seed (three billing runs, 180 transfers, then the trust account that
        // posts them), needs only the register: it starts here, beside the committee's appointment and the demo vote.
        CompletableFuture<List<DemoBilling.Transfer>> billing = CompletableFuture.supplyAsync(
                () -> new DemoBilling(operator, staff, progress).seed(community));
        if (operator.get(PATH + "/" + community + "/committee").status() == 404) {
            appointCommittee(community);
        }
        // The register gives logins their community and roles (issue 15), through Keycloak's Admin API, within seconds.
        awaitInToken("resident", community, "resident");
        awaitInToken("committee", community, "committee");
        openDemoVote(community);
        Api committee = gateway.as(keycloak.passwordToken("committee", "committee"));
        Api camera = gateway.as(keycloak.clientToken("commonhold-gate", "gate-secret"));
        // Parking needs nothing of the money seeds below: it runs beside them (the services mostly wait on their databases).
        CompletableFuture<Void> parking = CompletableFuture.runAsync(
                () -> new DemoParking(staff, camera, operator, progress).seed(community));
        CompletableFuture<Void> leasing = CompletableFuture.runAsync(
                () -> new DemoLeasing(staff, committee, progress).seed(community));
        CompletableFuture<Void> commerce = CompletableFuture.runAsync(
                () -> new DemoCommerce(staff, progress).seed(community));
        List<DemoBilling.Transfer> transfers = join(billing);
        // The fund needs nothing of the trust account; its top-up demands are charges whose payers billing knows by now.
        CompletableFuture<Void> fund = CompletableFuture.runAsync(
                () -> new DemoFund(operator, committee, progress).seed(community, DemoSpreadsheet.UNITS));
        new DemoTrust(operator, staff, committee, progress).seed(community, transfers);
        join(fund);
        join(parking);
        join(leasing);
        join(commerce);
        // The franchise covers the garage the operator built: it needs parking's community and caps its prices from here on.
        new DemoFranchise(operator, staff, camera, progress).seed(community);
        return community;
    }

    private static <T> T join(CompletableFuture<T> seed) {
        try {
            return seed.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** A vote residents can take part in at once: building 1's roof, paid from the fund, decided by building 1's owners (V7). */
    private void openDemoVote(String community) {
        Api committee = gateway.as(keycloak.passwordToken("committee", "committee"));
        boolean exists = expect(committee.get(PATH + "/" + community + "/resolutions?limit=500"), 200).get("items").valueStream()
                .anyMatch(r -> r.get("title").asString().equals(DEMO_VOTE));
        if (exists) {
            return;
        }
        String building1 = expect(operator.get(PATH + "/" + community + "/buildings"), 200).valueStream()
                .filter(b -> b.get("name").asString().equals("1号楼")).findFirst().orElseThrow().get("id").asString();
        Map<String, Object> draft = new HashMap<>();
        draft.put("title", DEMO_VOTE);
        draft.put("description", "屋面防水层老化渗漏，拟使用1号楼专项维修资金 186,400.00 元，按专有面积分摊。");
        draft.put("matter", "use_maintenance_fund");
        draft.put("electorate", Map.of("scope", "buildings", "ids", List.of(building1)));
        draft.put("documents", List.of(Map.of("name", "维修方案及预算.pdf", "sha256", "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b")));
        draft.put("closesAt", java.time.Instant.now().plus(java.time.Duration.ofDays(14)).toString());
        String id = expect(committee.post(PATH + "/" + community + "/resolutions", draft), 201).get("id").asString();
        expect(committee.post(PATH + "/" + community + "/resolutions/" + id + "/open", ""), 200);
        progress.say("demo vote opened: " + DEMO_VOTE);
    }

    /**
     * The registry updates the login's Keycloak account from its queue within seconds of a change:
     * wait until it says so (asking with a token the login has — asking Keycloak for a new token
     * every few hundred milliseconds looks like an attack to its brute-force guard), then check.
     */
    private void awaitInToken(String user, String community, String role) {
        Api login = gateway.as(keycloak.passwordToken(user, user));
        long deadline = System.nanoTime() + EVENT_WAIT.toNanos();
        while (!expect(login.get("/api/community/me/homes"), 200).get("accountUpToDate").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the registry did not update " + user + "'s Keycloak account within " + EVENT_WAIT.toSeconds() + " s; "
                        + "see the community service's log (account sync)");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        JsonNode claims = KeycloakClient.claims(keycloak.passwordToken(user, user));
        if (claims.path("communities").valueStream().noneMatch(c -> c.asString().equals(community))
                || claims.path("realm_access").path("roles").valueStream().noneMatch(r -> r.asString().equals(role))) {
            throw new IllegalStateException("the register should give " + user + " community " + community + " and role " + role
                    + ", but their token has " + claims.path("communities") + " " + claims.path("realm_access"));
        }
    }

    private Optional<String> existing() {
        return expect(operator.get(PATH + "?limit=500"), 200).get("items").valueStream()
                .filter(c -> c.get("name").asString().equals(COMMUNITY_NAME)).map(c -> c.get("id").asString()).findFirst();
    }

    private String register() {
        Map<String, Object> request = new HashMap<>();
        request.put("name", COMMUNITY_NAME);
        request.put("city", "北京市");
        request.put("district", "朝阳区");
        request.put("divisionCode", "110105");
        request.put("address", "北京市朝阳区劲松街道劲松北社区");
        request.put("declaredFloorAreaM2", 96500);
        String id = expect(operator.post(PATH, request), 201).get("id").asString();
        progress.say("demo community " + COMMUNITY_NAME + " registered");
        return id;
    }

    private JsonNode register(String community) {
        return expect(operator.get(PATH + "/" + community), 200).get("register");
    }

    private void importUnits(String community) {
        long started = System.nanoTime();
        JsonNode summary = expect(operator.post(PATH + "/" + community + "/imports",
                DemoSpreadsheet.csv().getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8"), 201);
        progress.say("imported %d units in %d buildings, %d owners (%d ms)".formatted(summary.get("unitsCreated").asInt(),
                summary.get("buildingsCreated").asInt(), summary.get("ownersCreated").asInt(), (System.nanoTime() - started) / 1_000_000));
    }

    /** Links the demo owner to the demo login, once: an owner someone has linked since keeps that link. */
    private void link(String community, String unit, String username) {
        String ownerId = ownerOf(community, unit);
        if (owners(community).stream().anyMatch(o -> o.get("id").asString().equals(ownerId) && o.get("hasLogin").asBoolean())) {
            return;
        }
        String userId = keycloak.userId(username);
        expect(operator.put(PATH + "/" + community + "/owners/" + ownerId + "/account", Map.of("userId", userId)), 200);
    }

    private void appointCommittee(String community) {
        Map<String, String> names = ownerNames(community);
        List<Map<String, Object>> members = new ArrayList<>();
        members.add(member(names, ownerOf(community, DemoSpreadsheet.COMMITTEE_UNIT), "chair", keycloak.userId("committee")));
        String[] others = {"3号楼/101", "5号楼/402", "8号楼/203", "12号楼/505"};
        for (int i = 0; i < others.length; i++) {
            members.add(member(names, ownerOf(community, others[i]), i == 0 ? "vice_chair" : "member", null));
        }
        expect(operator.put(PATH + "/" + community + "/committee", Map.of("kind", "owners_committee",
                "termStart", "2026-01-01", "termEnd", "2030-12-31", "members", members)), 200);
        progress.say("owners' committee of 5 appointed");
    }

    private static Map<String, Object> member(Map<String, String> names, String ownerId, String role, String userId) {
        Map<String, Object> member = new HashMap<>(Map.of("name", names.get(ownerId), "role", role, "ownerId", ownerId));
        if (userId != null) {
            member.put("userId", userId);
        }
        return member;
    }

    private String ownerOf(String community, String unit) {
        String[] parts = unit.split("/");
        String building = expect(operator.get(PATH + "/" + community + "/buildings"), 200).valueStream()
                .filter(b -> b.get("name").asString().equals(parts[0])).findFirst().orElseThrow().get("id").asString();
        return expect(operator.get(PATH + "/" + community + "/units?limit=500&buildingId=" + building), 200).get("items").valueStream()
                .filter(u -> u.get("number").asString().equals(parts[1])).findFirst().orElseThrow().get("ownerId").asString();
    }

    private Map<String, String> ownerNames(String community) {
        Map<String, String> names = new HashMap<>();
        owners(community).forEach(o -> names.put(o.get("id").asString(), o.get("name").asString()));
        return names;
    }

    private List<JsonNode> owners(String community) {
        List<JsonNode> owners = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = expect(operator.get(PATH + "/" + community + "/owners?limit=500&cursor=" + cursor), 200);
            page.get("items").forEach(owners::add);
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
        } while (cursor != null);
        return owners;
    }

    private static JsonNode expect(ApiResponse response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("seeding the demo community failed: " + response);
        }
        return response.json();
    }
}
