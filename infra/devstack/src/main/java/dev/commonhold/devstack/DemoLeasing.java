package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo community's leasable spaces: two idle rooms and a shop front that are common parts
 * (the shop's lease signed and waiting for the owners' 3/4 vote the committee opened, L5), the
 * street office's community room and its civil-defence basement with the civil-defence approval
 * (L4), the shop the operator built under its franchise (let to the demo tenant, who sees it), and
 * four lift ad spots and a gable wall, vacant until the owners vote on them. The leases already
 * running have their past rent raised through billing; the storage company (no late fee in its
 * terms: its history is paid in one go here) paid all but its last quarter, so the rent roll shows
 * arrears, and the demo tenant owes what is due of the shop.
 */
final class DemoLeasing {

    static final String COMMERCIAL_VOTE = "2号楼底商出租经营（利用共有部分经营）";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Api staff;
    private final Api committee;
    private final Progress progress;

    DemoLeasing(Api staff, Api committee, Progress progress) {
        this.staff = staff;
        this.committee = committee;
        this.progress = progress;
    }

    void seed(String community) {
        String path = "/api/leasing/communities/" + community;
        awaitCommunity(path);
        if (!expect(staff.get(path + "/spaces"), 200).isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(ZONE);
        Map<String, String> spaces = new HashMap<>();
        spaces.put("R-101", space(path, "R-101", "1号楼地下室闲置用房", "IDLE_ROOM", "COMMON_PART", 3_560, null, null));
        spaces.put("R-102", space(path, "R-102", "原锅炉房", "IDLE_ROOM", "COMMON_PART", 6_800, null, null));
        spaces.put("S-01", space(path, "S-01", "2号楼底商", "SHOP", "COMMON_PART", 8_500, null, null));
        spaces.put("S-02", space(path, "S-02", "东门商铺（运营方改造加建）", "SHOP", "OPERATOR_FRANCHISE", 6_000, "京朝特许〔2024〕12号", null));
        spaces.put("R-201", space(path, "R-201", "社区服务用房", "ANCILLARY_ROOM", "GOVERNMENT", 12_000, null, null));
        spaces.put("C-01", space(path, "C-01", "3号楼人防地下室", "CIVIL_DEFENCE", "GOVERNMENT", 42_000, null, today.plusYears(3).withDayOfYear(1)));
        for (int i = 1; i <= 4; i++) {
            space(path, "A-0" + i, i + "号楼电梯轿厢广告位", "AD_SPOT", "COMMON_PART", 60, null, null);
        }
        space(path, "W-01", "3号楼西山墙", "ROOF_WALL", "COMMON_PART", 3_000, null, null);

        LocalDate storageStart = today.minusMonths(10).withDayOfMonth(1);
        String storage = lease(path, spaces.get("C-01"), business("北京朝阳安居仓储有限公司", "91110105MA01STORE", null), "自行车及居民杂物仓储",
                storageStart, today.plusYears(3).withDayOfYear(1).minusDays(1), 800_000, 0, 0, 3, 2_400_000, 0, null);
        payAllButLast(path, storage);
        lease(path, spaces.get("S-02"), Map.of("kind", "PERSON", "name", "陈小雨", "phone", "13800000000", "login", "tenant"), "便利店",
                today.minusMonths(6).withDayOfMonth(1), today.minusMonths(6).withDayOfMonth(1).plusYears(3).minusDays(1), 600_000, 300, 2, 3,
                1_800_000, 5, null);
        lease(path, spaces.get("R-201"), business("北京劲松社区养老服务中心", "52110105MA01ELDER", null), "社区养老驿站", today.withDayOfMonth(1),
                today.withDayOfMonth(1).plusYears(5).minusDays(1), 350_000, 0, 0, 1, 350_000, 5, null);
        String vote = commercialVote(community);
        lease(path, spaces.get("S-01"), business("北京社区生鲜超市有限公司", "91110105MA01FRESH", null), "生鲜超市", today.plusDays(14).withDayOfMonth(1)
                .plusMonths(1), today.plusDays(14).withDayOfMonth(1).plusMonths(1).plusYears(5).minusDays(1), 1_200_000, 300, 3, 3, 3_600_000, 5, vote);
        progress.say("leasing: 11 spaces; 3 leases running (civil-defence storage, the operator's shop let to login tenant, the street office's room), "
                + "2号楼底商 waiting for the owners' 3/4 vote");
    }

    private String space(String path, String code, String name, String kind, String ownership, long area, String franchise, LocalDate approvalEnds) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name, "kind", kind, "ownership", ownership, "areaCentiM2", area));
        if (franchise != null) {
            body.put("franchiseReference", franchise);
        }
        if (approvalEnds != null) {
            body.put("civilDefenceApproval", Map.of("number", "京人防审〔2025〕031号", "expiresOn", approvalEnds.toString()));
        }
        body.put("condition", "改造后完好");
        return expect(staff.post(path + "/spaces", body), 201).get("id").asString();
    }

    private static Map<String, Object> business(String name, String first17, String login) {
        Map<String, Object> tenant = new HashMap<>(Map.of("kind", "BUSINESS", "name", name, "licenceNumber", creditCode(first17)));
        if (login != null) {
            tenant.put("login", login);
        }
        return tenant;
    }

    private String lease(String path, String space, Map<String, Object> tenant, String purpose, LocalDate start, LocalDate end, long monthlyFen,
                         int escalationBp, int freeMonths, int cycle, long depositFen, int lateFeeBp, String resolution) {
        Map<String, Object> rent = Map.of("monthlyRentFen", monthlyFen, "escalationBasisPoints", escalationBp, "rentFreeMonths", freeMonths,
                "billingCycleMonths", cycle, "depositFen", depositFen, "lateFeeBasisPointsPerDay", lateFeeBp, "lateFeeCapPercent", 20, "penaltyMonths", 2);
        Map<String, Object> body = new HashMap<>(Map.of("tenant", tenant, "spaceIds", List.of(space), "purpose", purpose, "startOn", start.toString(),
                "endOn", end.toString(), "writtenContract", true, "contractSha256", sha256(purpose + start), "rent", rent));
        if (resolution != null) {
            body.put("resolutionId", resolution);
        }
        return expect(staff.header("Idempotency-Key", UUID.randomUUID().toString()).post(path + "/leases", body), 201).get("lease").get("id").asString();
    }

    /** The storage company paid its deposit and every quarter but the last by bank transfer, as billing learns of the charges. */
    private void payAllButLast(String path, String lease) {
        List<JsonNode> charges = expect(staff.get(path + "/leases/" + lease), 200).get("charges").valueStream().toList();
        String billing = path.replace("/api/leasing/", "/api/billing/");
        for (int i = 0; i < charges.size() - 1; i++) {
            JsonNode c = charges.get(i);
            String pay = billing + "/charges/" + c.get("chargeId").asString() + "/payments";
            Map<String, Object> body = Map.of("amountFen", c.get("amountFen").asLong(), "method", "BANK_TRANSFER", "receiptNumber", "DEMO-LEASE-" + i);
            long deadline = System.nanoTime() + DemoSeed.EVENT_WAIT.toNanos();
            ApiResponse paid;
            while ((paid = staff.header("Idempotency-Key", UUID.randomUUID().toString()).post(pay, body)).status() == 404 && System.nanoTime() < deadline) {
                sleep(); // billing has not invoiced the charge yet
            }
            if (paid.status() != 409) { // 409: paid already (a seed run before, or a retry): nothing to do
                expect(paid, 201);
            }
        }
    }

    private String commercialVote(String community) {
        String resolutions = "/api/community/communities/" + community + "/resolutions";
        Map<String, Object> draft = new HashMap<>(Map.of("title", COMMERCIAL_VOTE, "matter", "commercial_use_of_common_parts",
                "electorate", Map.of("scope", "whole_community"), "closesAt", java.time.Instant.now().plus(Duration.ofDays(14)).toString()));
        draft.put("description", "拟将2号楼底商（共有部分，85.00 m²）出租给北京社区生鲜超市有限公司，租期五年，月租金12,000元，每年递增3%，免租三个月；租金为全体业主共有收入。");
        String id = expect(committee.post(resolutions, draft), 201).get("id").asString();
        expect(committee.post(resolutions + "/" + id + "/open", ""), 200);
        return id;
    }

    /** A unified social credit code with its check character (GB 32100-2015); letters outside its set become 0. */
    static String creditCode(String first17) {
        return dev.commonhold.platform.ids.CreditCode.withCheckCharacter(first17.toUpperCase().replaceAll("[^0-9A-HJ-NPQRTUWXY]", "0"));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitCommunity(String path) {
        long deadline = System.nanoTime() + DemoSeed.EVENT_WAIT.toNanos();
        while (staff.get(path + "/spaces").status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("leasing did not learn of the demo community within " + DemoSeed.EVENT_WAIT.toSeconds() + " s; see .devstack/logs/leasing.log");
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode expect(ApiResponse response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("seeding the demo leases failed: " + response);
        }
        return response.json();
    }
}
