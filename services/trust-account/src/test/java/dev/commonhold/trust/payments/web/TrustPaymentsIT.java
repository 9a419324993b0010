package dev.commonhold.trust.payments.web;

import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import dev.commonhold.platform.testkit.tokens.TestTokens;
import dev.commonhold.trust.support.TrustFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two keys (rule T3): neither the operator nor one committee member alone moves the owners'
 * money above the threshold; a member of another committee or a former member cannot approve at
 * all; what the committee approved the operator executes once, and the books show it.
 */
@IntegrationTest
class TrustPaymentsIT {

    /** trust.payments.two-member-threshold-fen's default: 5,000.00 yuan. */
    private static final long THRESHOLD = 500_000;

    @LocalServerPort
    int port;

    @Test
    void aboveTheThresholdTwoDifferentMembersMustApproveBeforeTheOperatorCanPay() {
        TrustFixture f = funded(THRESHOLD + 1);
        String requests = "/api/trust/communities/" + f.community + "/payment-requests";
        JsonNode raised = raise(f, THRESHOLD + 1);
        String id = raised.get("id").asString();
        assertThat(raised.get("approvalsNeeded").asInt()).as("one fen over the threshold").isEqualTo(2);

        ApiResponse operatorApproves = f.as(f.staff).post(requests + "/" + id + "/decisions", Map.of("decision", "APPROVE"));
        assertThat(operatorApproves.status()).as("the operator cannot be a key of its own").isEqualTo(403);
        ApiResponse operatorPays = f.as(f.staff).post(requests + "/" + id + "/execution", Map.of());
        assertThat(operatorPays.status()).isEqualTo(422);
        assertThat(operatorPays.json().get("rule").asString()).isEqualTo("T3");
        assertThat(operatorPays.json().get("errors").get(0).get("field").asString()).isEqualTo("status");

        assertThat(f.as(f.chair).post(requests + "/" + id + "/decisions", Map.of("decision", "APPROVE")).json().get("status").asString())
                .isEqualTo("PENDING");
        ApiResponse sameMemberAgain = f.as(f.chair).post(requests + "/" + id + "/decisions", Map.of("decision", "APPROVE"));
        assertThat(sameMemberAgain.status()).isEqualTo(422);
        assertThat(sameMemberAgain.json().get("detail").asString()).contains("another member");
        assertThat(f.as(f.staff).post(requests + "/" + id + "/execution", Map.of()).status()).as("one member alone").isEqualTo(422);

        assertThat(f.as(f.member).post(requests + "/" + id + "/decisions", Map.of("decision", "APPROVE")).json().get("status").asString())
                .isEqualTo("APPROVED");
        JsonNode paid = f.as(f.staff).post(requests + "/" + id + "/execution", Map.of()).json();
        assertThat(paid.get("status").asString()).isEqualTo("EXECUTED");
        assertThat(paid.get("bankInstruction").asString()).startsWith("BI-");
        assertThat(f.as(f.staff).post(requests + "/" + id + "/execution", Map.of()).status()).as("paid once").isEqualTo(422);

        JsonNode balances = f.as(f.resident).get("/api/trust/communities/" + f.community + "/accounts").json();
        assertThat(balance(balances, "1002")).as("what was received, less the payment").isZero();
        assertThat(balance(balances, "5105")).isEqualTo(THRESHOLD + 1);
        assertThat(balances.get("trialBalanceFen").asLong()).isZero();
        JsonNode entry = f.as(f.resident).get("/api/trust/communities/" + f.community + "/entries/" + paid.get("entryId").asString()).json();
        assertThat(entry.get("description").asString()).contains("电梯维修").contains(paid.get("bankInstruction").asString());
    }

    /** L3: a deposit held for a tenant goes back out of 2301 with the committee's key, never more than is held. */
    @Test
    void aDepositIsPaidBackFromDepositsHeldWithTheCommitteesKeyAndNeverMoreThanIsHeld() {
        TrustFixture f = funded(50_000);
        TrustFixture.send(List.of(f.settled(UUID.randomUUID(), "deposit", null, 30_000, Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> f.as(f.resident).get("/api/trust/communities/" + f.community + "/accounts").json()
                .get("entries").asLong() == 2);
        String requests = "/api/trust/communities/" + f.community + "/payment-requests";
        java.util.function.LongFunction<JsonNode> refund = fen -> {
            ApiResponse raised = f.as(f.staff).post(requests, Map.of("payee", "北京社区生鲜超市有限公司", "payeeAccount", "6222020200112233445",
                    "amountFen", fen, "expenseAccount", "2301", "purpose", "退还租约 ZL-2026-0001 押金余额"));
            assertThat(raised.status()).as(raised.body()).isEqualTo(201);
            String id = raised.json().get("id").asString();
            assertThat(upload(f, id, "application/pdf", "押金结算单.pdf", "%PDF-1.4 结算".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
            f.as(f.chair).post(requests + "/" + id + "/decisions", Map.of("decision", "APPROVE"));
            return f.as(f.staff).post(requests + "/" + id + "/execution", Map.of()).json();
        };
        JsonNode tooMuch = refund.apply(30_001);
        assertThat(tooMuch.get("errors").get(0).get("field").asString()).as("the bank holds 80,000 fen but deposits only 30,000").isEqualTo("amountFen");
        assertThat(refund.apply(30_000).get("status").asString()).isEqualTo("EXECUTED");
        JsonNode balances = f.as(f.resident).get("/api/trust/communities/" + f.community + "/accounts").json();
        assertThat(balance(balances, "2301")).isZero();
        assertThat(balance(balances, "1002")).isEqualTo(50_000);
        assertThat(f.as(f.staff).post(requests, Map.of("payee", "x", "amountFen", 1, "expenseAccount", "4103", "purpose", "收入不是支出科目")).status())
                .isEqualTo(400);
    }

    @Test
    void atTheThresholdExactlyOneMemberSuffices() {
        TrustFixture f = funded(THRESHOLD);
        JsonNode raised = raise(f, THRESHOLD);
        assertThat(raised.get("approvalsNeeded").asInt()).isEqualTo(1);
        String path = "/api/trust/communities/" + f.community + "/payment-requests/" + raised.get("id").asString();
        assertThat(f.as(f.member).post(path + "/decisions", Map.of("decision", "APPROVE")).json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(f.as(f.staff).post(path + "/execution", Map.of()).json().get("status").asString()).isEqualTo("EXECUTED");
    }

    @Test
    void anotherCommitteeSMemberAFormerMemberAndAResidentCannotApprove() {
        TrustFixture f = funded(10_000);
        String path = "/api/trust/communities/" + f.community + "/payment-requests/" + raise(f, 10_000).get("id").asString();

        TrustFixture other = new TrustFixture(port);
        TestTokens.User outsider = Infra.tokens().user("other-chair").roles("committee").communities(f.community, other.community);
        other.registered(List.of(outsider)); // chairs the other community's committee, not this one's
        ApiResponse otherCommittee = new Api("http://localhost:" + port).as(outsider.token()).post(path + "/decisions", Map.of("decision", "APPROVE"));
        assertThat(otherCommittee.status()).isEqualTo(403);
        assertThat(otherCommittee.json().get("detail").asString()).contains("per the registry");
        assertThat(f.as(f.resident).post(path + "/decisions", Map.of("decision", "APPROVE")).status()).isEqualTo(403);

        f.registered(List.of(f.member)); // a new committee: the chair has left it
        await().atMost(Duration.ofSeconds(30)).until(() -> f.as(f.resident).get("/api/trust/communities/" + f.community + "/committee").json().size() == 1);
        ApiResponse former = f.as(f.chair).post(path + "/decisions", Map.of("decision", "APPROVE"));
        assertThat(former.status()).isEqualTo(403);
        assertThat(former.json().get("detail").asString()).contains("current member");
        assertThat(f.as(f.staff).get(path).json().get("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void rejectedAndWithdrawnRequestsStayVisibleWithTheirReasons() {
        TrustFixture f = funded(10_000);
        String requests = "/api/trust/communities/" + f.community + "/payment-requests";
        String rejected = raise(f, 5_000).get("id").asString();
        ApiResponse noReason = f.as(f.chair).post(requests + "/" + rejected + "/decisions", Map.of("decision", "REJECT"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(f.as(f.chair).post(requests + "/" + rejected + "/decisions", Map.of("decision", "REJECT", "reason", "报价偏高，请再询价"))
                .json().get("status").asString()).isEqualTo("REJECTED");
        String withdrawn = raise(f, 6_000).get("id").asString();
        assertThat(f.as(f.staff).post(requests + "/" + withdrawn + "/withdrawal", Map.of("reason", "供应商已免费维修")).json().get("status").asString())
                .isEqualTo("WITHDRAWN");

        JsonNode all = f.as(f.resident).get(requests).json();
        assertThat(all.valueStream().map(r -> r.get("status").asString() + ":" + r.get("closedReason").asString()).toList())
                .contains("REJECTED:报价偏高，请再询价", "WITHDRAWN:供应商已免费维修");
        assertThat(f.as(f.staff).post(requests + "/" + rejected + "/execution", Map.of()).status()).isEqualTo(422);
    }

    @Test
    void badRequestsNameTheFieldAndAVoucherKeepsItsHash() throws Exception {
        TrustFixture f = funded(10_000);
        String requests = "/api/trust/communities/" + f.community + "/payment-requests";
        ApiResponse notAnExpense = f.as(f.staff).post(requests, Map.of("payee", "某公司", "amountFen", 100, "expenseAccount", "4101", "purpose", "x"));
        assertThat(notAnExpense.status()).isEqualTo(400);
        assertThat(notAnExpense.json().get("errors").get(0).get("field").asString()).isEqualTo("expenseAccount");
        assertThat(f.as(f.staff).post(requests, Map.of("payee", "某公司", "amountFen", -1, "expenseAccount", "5105", "purpose", "x")).status()).isEqualTo(400);
        assertThat(f.as(f.resident).post(requests, Map.of("payee", "我", "amountFen", 100, "expenseAccount", "5105", "purpose", "x")).status())
                .as("a resident raises nothing").isEqualTo(403);
        assertThat(f.as(f.staff).get(requests).json()).isEmpty();

        assertThat(f.as(f.staff).post(requests, Map.of("payee", "某公司", "amountFen", 10_000_000_001L, "expenseAccount", "5105", "purpose", "x"))
                .status()).as("over 100 million yuan").isEqualTo(400);
        String id = raiseBare(f, 5_000).get("id").asString();
        ApiResponse unsupported = f.as(f.chair).post(requests + "/" + id + "/decisions", Map.of("decision", "APPROVE"));
        assertThat(unsupported.status()).as("nothing to approve without vouchers").isEqualTo(422);
        assertThat(unsupported.json().get("errors").get(0).get("field").asString()).isEqualTo("vouchers");
        assertThat(upload(f, id, "text/html", "x.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(415);
        assertThat(upload(f, id, "application/pdf", "..", new byte[]{1}).statusCode()).isEqualTo(400);
        assertThat(upload(f, id, "application/pdf", "a\u0000b.pdf", new byte[]{1}).statusCode()).isEqualTo(400);
        byte[] pdf = "%PDF-1.4 维修合同".getBytes(StandardCharsets.UTF_8);
        assertThat(upload(f, id, "Application/PDF", "维修合同.pdf", pdf).statusCode()).isEqualTo(201);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        JsonNode voucher = f.as(f.resident).get(requests + "/" + id).json().get("vouchers").get(0);
        assertThat(voucher.get("sha256").asString()).isEqualTo(sha);
        assertThat(voucher.get("fileName").asString()).isEqualTo("维修合同.pdf");
        HttpResponse<byte[]> back = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + requests + "/" + id
                        + "/vouchers/" + voucher.get("id").asString())).header("Authorization", "Bearer " + f.resident.token()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(back.body()).isEqualTo(pdf);
        assertThat(back.headers().firstValue("X-Content-SHA256")).contains(sha);
        assertThat(back.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(back.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(back.headers().allValues("Content-Security-Policy")).as("the sandbox, once").containsExactly("sandbox; default-src 'none'");

        f.as(f.chair).post(requests + "/" + id + "/decisions", Map.of("decision", "APPROVE"));
        assertThat(upload(f, id, "application/pdf", "换了的合同.pdf", new byte[]{2}).statusCode()).as("what the committee saw is fixed").isEqualTo(422);
    }

    @Test
    void paymentsExecutedAtTheSameTimeNeverOverdrawTheAccount() throws Exception {
        TrustFixture f = funded(100_000);
        String requests = "/api/trust/communities/" + f.community + "/payment-requests";
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = raise(f, 40_000).get("id").asString();
            f.as(f.member).post(requests + "/" + id + "/decisions", Map.of("decision", "APPROVE"));
            ids.add(id);
        }
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        try (var callers = java.util.concurrent.Executors.newFixedThreadPool(5)) {
            for (String id : ids) {
                answers.add(callers.submit(() -> f.as(f.staff).post(requests + "/" + id + "/execution", Map.of()).status()));
            }
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var a : answers) {
            statuses.add(a.get());
        }
        assertThat(statuses).filteredOn(s -> s == 200).as("100,000 fen pays two of 40,000").hasSize(2);
        JsonNode balances = f.as(f.resident).get("/api/trust/communities/" + f.community + "/accounts").json();
        assertThat(balance(balances, "1002")).isEqualTo(20_000);
    }

    @Test
    void theOperatorCannotPayMoreThanTheAccountHolds() {
        TrustFixture f = funded(1_000);
        String path = "/api/trust/communities/" + f.community + "/payment-requests/" + raise(f, 1_001).get("id").asString();
        f.as(f.member).post(path + "/decisions", Map.of("decision", "APPROVE"));
        ApiResponse tooMuch = f.as(f.staff).post(path + "/execution", Map.of());
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.json().get("detail").asString()).contains("holds 1000 fen");
    }

    /** A community whose account has received {@code fen} (common parking income). */
    private TrustFixture funded(long fen) {
        TrustFixture f = new TrustFixture(port).registered();
        TrustFixture.send(List.of(f.settled(UUID.randomUUID(), "parking_common", null, fen, Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ApiResponse r = f.as(f.resident).get("/api/trust/communities/" + f.community + "/accounts");
            return r.status() == 200 && r.json().get("entries").asLong() == 1;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> f.as(f.resident).get("/api/trust/communities/" + f.community + "/committee").json()
                .size() == 2);
        return f;
    }

    /** A request with its contract attached, ready for the committee. */
    private JsonNode raise(TrustFixture f, long fen) {
        JsonNode raised = raiseBare(f, fen);
        assertThat(upload(f, raised.get("id").asString(), "application/pdf", "维修合同.pdf", "%PDF-1.4 合同".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(201);
        return raised;
    }

    private static JsonNode raiseBare(TrustFixture f, long fen) {
        ApiResponse raised = f.as(f.staff).post("/api/trust/communities/" + f.community + "/payment-requests", Map.of("payee", "北京某电梯维保有限公司",
                "payeeAccount", "6222020200112233445", "amountFen", fen, "expenseAccount", "5105", "budgetLine", "2026 维修养护", "purpose", "3号楼电梯维修"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        return raised.json();
    }

    private HttpResponse<String> upload(TrustFixture f, String requestId, String type, String fileName, byte[] content) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/trust/communities/" + f.community
                            + "/payment-requests/" + requestId + "/vouchers?fileName=" + java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + f.staff.token()).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long balance(JsonNode balances, String code) {
        return balances.get("accounts").valueStream().filter(a -> a.get("code").asString().equals(code)).findFirst().orElseThrow()
                .get("balanceFen").asLong();
    }
}
