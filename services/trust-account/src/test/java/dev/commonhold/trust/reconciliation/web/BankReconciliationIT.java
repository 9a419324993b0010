package dev.commonhold.trust.reconciliation.web;

import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import dev.commonhold.trust.support.TrustFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The three-way check of the co-managed account: the bank's statement, the books' bank account and what the account holds for whom. */
@IntegrationTest
class BankReconciliationIT {

    static final String HEADER = "交易日期,摘要,借方发生额,贷方发生额,余额,流水号,对方户名\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    TrustFixture withIncome(long... fen) {
        TrustFixture f = new TrustFixture(port).registered();
        TrustFixture.send(java.util.Arrays.stream(fen).mapToObj(a -> f.settled(UUID.randomUUID(), "property_fee", null, a, Instant.now())).toList());
        await().atMost(Duration.ofSeconds(30)).until(() -> f.as(f.resident).get(path(f) + "/accounts").json().get("entries").asLong() == fen.length);
        return f;
    }

    static String path(TrustFixture f) {
        return "/api/trust/communities/" + f.community;
    }

    ApiResponse importCsv(TrustFixture f, String csv) {
        return f.as(f.staff).post(path(f) + "/bank-statements", (HEADER + csv).getBytes(Charset.forName("GB18030")), "text/csv");
    }

    @Test
    void theBankTheBooksAndWhatTheAccountHoldsAgreeOnceTheBanksOwnLinesArePosted() {
        TrustFixture f = withIncome(30_000, 12_345, 1_500);
        String csv = today + ",微信支付结算,,42345.00,42345.00,B1,财付通\n".replace("42345.00,42345.00", "423.45,423.45")
                + today + ",现金存入,,15.00,438.45,B2,\n"
                + today + ",账户管理费,5.00,,433.45,B3,\n"
                + today + ",结息,,0.12,433.57,B4,\n";

        ApiResponse imported = importCsv(f, csv);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(4);

        JsonNode r = f.as(f.resident).get(path(f) + "/bank-reconciliation").json();
        assertThat(r.get("bankBalanceFen").asLong()).isEqualTo(43_357);
        assertThat(r.get("ledgerBankFen").asLong()).isEqualTo(43_845);
        assertThat(r.get("heldFen").asLong()).isEqualTo(43_845);
        assertThat(r.get("matchedLines").asInt()).as("the day's WeChat pay-in and the cash").isEqualTo(2);
        assertThat(r.get("inBankNotInBooks").valueStream().map(b -> b.get("reference").asString() + "=" + b.get("amountFen").asLong()).toList())
                .containsExactly("B3=-500", "B4=12");
        assertThat(r.get("adjustedBankFen").asLong()).isEqualTo(43_845);
        assertThat(r.get("unresolved").asInt()).isEqualTo(2);
        assertThat(r.get("agrees").asBoolean()).isTrue();

        String fee = r.get("inBankNotInBooks").get(0).get("lineId").asString();
        String interest = r.get("inBankNotInBooks").get(1).get("lineId").asString();
        assertThat(f.as(f.staff).post(path(f) + "/bank-lines/" + fee + "/post", Map.of("account", "5109")).status())
                .as("staff import; the operator's admin decides").isEqualTo(403);
        ApiResponse wrongWay = f.as(f.operatorAdmin).post(path(f) + "/bank-lines/" + fee + "/post", Map.of("account", "4106"));
        assertThat(wrongWay.status()).isEqualTo(400);
        assertThat(wrongWay.body()).contains("account", "5109");
        assertThat(f.as(f.operatorAdmin).post(path(f) + "/bank-lines/" + fee + "/post", Map.of("account", "5109", "note", "11月账户管理费")).status())
                .isEqualTo(200);
        assertThat(f.as(f.operatorAdmin).post(path(f) + "/bank-lines/" + interest + "/post", Map.of("account", "4106")).status()).isEqualTo(200);
        assertThat(f.as(f.operatorAdmin).post(path(f) + "/bank-lines/" + interest + "/post", Map.of("account", "4106")).status())
                .as("posted once").isEqualTo(409);

        JsonNode after = f.as(f.chair).get(path(f) + "/bank-reconciliation").json();
        assertThat(after.get("ledgerBankFen").asLong()).isEqualTo(43_357);
        assertThat(after.get("inBankNotInBooks")).isEmpty();
        assertThat(after.get("unresolved").asInt()).isZero();
        assertThat(after.get("agrees").asBoolean()).isTrue();
        JsonNode accounts = f.as(f.resident).get(path(f) + "/accounts").json();
        assertThat(accounts.get("trialBalanceFen").asLong()).isZero();
        assertThat(accounts.toString()).contains("银行手续费", "利息收入");
    }

    @Test
    void aPaymentTheBankHasNotShownIsListedAndExplainedAndAnUnknownDepositWaitsInSuspense() {
        TrustFixture f = withIncome(20_000, 7_000);
        assertThat(importCsv(f, today + ",转账存入,,200.00,200.00,C1,\n" + today + ",来源不明,,88.00,288.00,C2,张三\n").status()).isEqualTo(201);

        JsonNode r = f.as(f.resident).get(path(f) + "/bank-reconciliation").json();
        assertThat(r.get("inBooksNotInBank")).singleElement().satisfies(b -> assertThat(b.get("amountFen").asLong()).isEqualTo(7_000));
        assertThat(r.get("inBankNotInBooks")).singleElement().satisfies(b -> assertThat(b.get("counterparty").asString()).isEqualTo("张三"));
        assertThat(r.get("agrees").asBoolean()).as("288 − 88 + 70 = 270 in the books").isTrue();

        String entry = r.get("inBooksNotInBank").get(0).get("entryId").asString();
        String unknown = r.get("inBankNotInBooks").get(0).get("lineId").asString();
        assertThat(f.as(f.operatorAdmin).post(path(f) + "/bank-reconciliation/entries/" + entry + "/explain", Map.of("note", "周一到账")).status())
                .isEqualTo(204);
        assertThat(f.as(f.operatorAdmin).post(path(f) + "/bank-reconciliation/entries/" + entry + "/explain", Map.of("note", "改了")).status())
                .as("a note is given once").isEqualTo(409);
        String paired = f.as(f.resident).get(path(f) + "/entries?limit=5").json().get("items").valueStream()
                .filter(e -> e.get("description").asString().contains("200.00")).findFirst().orElseThrow().get("id").asString();
        assertThat(f.as(f.operatorAdmin).post(path(f) + "/bank-reconciliation/entries/" + paired + "/explain", Map.of("note", "x")).status())
                .as("the bank shows it: not a difference").isEqualTo(409);
        ApiResponse blank = f.as(f.operatorAdmin).post(path(f) + "/bank-lines/" + unknown + "/post", Map.of("account", "2241", "note", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("note");
        assertThat(f.as(f.operatorAdmin).post(path(f) + "/bank-lines/" + unknown + "/post", Map.of("account", "2241", "note", "待查明")).status())
                .isEqualTo(200);

        JsonNode after = f.as(f.resident).get(path(f) + "/bank-reconciliation").json();
        assertThat(after.get("inBooksNotInBank").get(0).get("note").asString()).isEqualTo("周一到账");
        assertThat(after.get("held").valueStream().map(h -> h.get("account").asString() + "=" + h.get("fen").asLong()).toList())
                .containsExactly("3001=27000", "2241=8800");
        assertThat(after.get("unresolved").asInt()).isZero();
    }

    @Test
    void aTransferPostedDaysAfterItArrivedPairsByTheDayTheMoneyMovedNotTheDayItWasPosted() {
        LocalDate arrived = today.minusDays(10);
        TrustFixture f = new TrustFixture(port).registered();
        TrustFixture.send(List.of(f.settled(UUID.randomUUID(), "property_fee", null, 13_425, arrived.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()),
                f.settled(UUID.randomUUID(), "parking_common", null, 1_000, Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> f.as(f.resident).get(path(f) + "/accounts").json().get("entries").asLong() == 2);
        assertThat(importCsv(f, arrived + ",转账存入,,134.25,134.25,F1,王业主\n").status()).isEqualTo(201);

        JsonNode r = f.as(f.resident).get(path(f) + "/bank-reconciliation").json();
        assertThat(r.get("matchedLines").asInt()).isEqualTo(1);
        assertThat(r.get("statementTo").asString()).isEqualTo(arrived.toString());
        assertThat(r.get("inBooksNotInBank")).as("today's parking waits for the next statement").singleElement()
                .satisfies(b -> assertThat(b.get("afterStatement").asBoolean()).isTrue());
        assertThat(r.get("unresolved").asInt()).isZero();
        assertThat(r.get("agrees").asBoolean()).isTrue();
    }

    @Test
    void aStatementThatSkipsAheadOrChangesAnImportedLineIsRefusedAndChangesNothing() {
        TrustFixture f = withIncome(10_000);
        assertThat(importCsv(f, today + ",存入,,100.00,100.00,D1,\n").status()).isEqualTo(201);
        ApiResponse again = importCsv(f, today + ",存入,,100.00,100.00,D1,\n" + today + ",存入,,5.00,105.00,D2,\n");
        assertThat(again.json().get("imported").asInt()).as("an overlapping export adds only what is new").isEqualTo(1);
        assertThat(again.json().get("skipped").asInt()).isEqualTo(1);
        ApiResponse known = importCsv(f, today + ",存入,,100.00,100.00,D1,\n");
        assertThat(known.status()).as("nothing new: 200, not 201").isEqualTo(200);
        assertThat(known.json().get("imported").asInt()).isZero();

        ApiResponse gap = importCsv(f, today + ",存入,,1.00,110.00,D4,\n");
        assertThat(gap.status()).isEqualTo(422);
        assertThat(gap.json().get("errors").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(gap.json().get("errors").get(0).get("column").asString()).isEqualTo("余额");
        assertThat(gap.json().get("traceId")).as("a problem to quote").isNotNull();
        assertThat(gap.body()).contains("109.00", "105.00", "missing");

        ApiResponse changed = importCsv(f, today + ",存入,,999.00,1104.00,D2,\n");
        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.body()).contains("D2 was imported before");

        ApiResponse bad = importCsv(f, "昨天,存入,,1.00,106.00,D5,\n");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("column").asString()).isEqualTo("交易日期");
        assertThat(bad.json().get("errors").get(0).get("value").asString()).isEqualTo("昨天");

        ApiResponse declaredWrong = f.as(f.staff).post(path(f) + "/bank-statements",
                (HEADER + today + ",存入,,1.00,106.00,D5,张三\n").getBytes(Charset.forName("GB18030")), "text/csv; charset=utf-8");
        assertThat(declaredWrong.status()).isEqualTo(422);
        assertThat(declaredWrong.body()).contains("not valid UTF-8");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM bank_line WHERE community_id = ?", Long.class, f.community)).isEqualTo(2);
    }

    @Test
    void onlyTheCommunitysOwnReadersSeeItAndOnlyItsOperatorImports() {
        TrustFixture f = withIncome(10_000);
        TrustFixture other = new TrustFixture(port).registered();
        assertThat(f.as(f.resident).post(path(f) + "/bank-statements", (HEADER + today + ",存入,,1.00,1.00,E1,\n").getBytes(), "text/csv").status())
                .isEqualTo(403);
        assertThat(other.as(other.staff).post(path(f) + "/bank-statements", (HEADER + today + ",存入,,1.00,1.00,E1,\n").getBytes(), "text/csv").status())
                .isIn(403, 404);
        assertThat(importCsv(f, today + ",存入,,1.00,1.00,E1,\n").status()).isEqualTo(201);
        assertThat(other.as(other.resident).get(path(f) + "/bank-reconciliation").status()).isIn(403, 404);
        assertThat(f.as(f.resident).get(path(f) + "/bank-reconciliation?asOf=2026-02-30").status()).isEqualTo(400);
        assertThat(f.as(f.resident).get(path(f) + "/bank-reconciliation?asOf=2000-01-01").status()).as("before any statement").isEqualTo(404);
    }
}
