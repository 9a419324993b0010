package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.keycloak.KeycloakClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11: the portal in headless Chromium against the stack ./run.sh starts, signing in at real
 * Keycloak (the demo realm) through the gateway's session. Each role does its main job: the
 * resident pays an invoice through the channel's cashier and verifies a closed month; the committee
 * gives the second key; the operator bills a month and watches it progress; the regulator exports
 * the district's CSV. A resident cannot reach another community or household by changing ids, a
 * change without the CSRF token is refused, axe-core finds no serious violation on any role's page,
 * and signing out ends the Keycloak session. Screenshots go to -Dportal.screenshots (tools/screenshots.sh).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(DemoStack.class)
@Order(1)
class PortalBrowserIT {

    private static Stack stack;
    private static KeycloakClient keycloak;
    private static Browser browser;
    private static String community;

    @BeforeAll
    static void aBrowserOnTheDemoStack() {
        stack = DemoStack.running().stack();
        community = DemoStack.running().community();
        keycloak = DemoStack.running().keycloak();
        browser = new Browser(stack.gatewayUrl());
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void theResidentPaysThisMonthsBillAtTheChannelsCashierAndGetsTheReceipt() {
        browser.signIn("resident", "resident");
        browser.untilText(By.cssSelector("main"), "1号楼 201");
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.driver.findElement(By.cssSelector("main")).getText()).contains("¥133.55").contains("未缴");
        browser.until(By.id("pay-wechat")).click();
        var qr = browser.until(By.cssSelector(".cashier img"));
        await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) browser.driver.executeScript("return arguments[0].naturalWidth", qr)).intValue() > 0);
        payOnThePhone();
        browser.untilText(By.cssSelector(".pay-status"), "已收到 ¥133.55");
        String receipt = browser.until(By.id("receipt-link")).getAttribute("href");
        @SuppressWarnings("unchecked")
        List<Object> answer = (List<Object>) browser.async("const done = arguments[1]; fetch(arguments[0]).then(r => done([r.status, r.headers.get('content-type')]))", receipt);
        assertThat(answer).containsExactly(200L, "application/pdf");
        browser.open("/portal/#/resident");
        browser.untilText(By.cssSelector("main"), "待缴合计：¥0.00");
        assertThat(browser.driver.findElement(By.cssSelector("main")).getText()).as("the franchise covering the community, what it owes the owners")
                .contains(DemoFranchise.TITLE).contains("应分给本小区业主").contains("京朝发改价〔2025〕7号");
    }

    @Test
    @Order(2)
    void theResidentVerifiesAClosedMonthInTheBrowserAndATamperedJournalFails() {
        browser.open("/portal/#/resident");
        String closed = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        new Select(browser.until(By.id("statement-month"))).selectByValue(closed);
        browser.until(By.id("verify-statement")).click();
        browser.untilText(By.id("verify-result"), "验证通过");
        assertThat(browser.driver.findElement(By.cssSelector(".verdict")).getText()).contains("签名有效：operator");

        // The same check on a journal with one amount changed must fail, naming the entry.
        String verdict = (String) browser.async("""
                const [community, month, done] = arguments;
                const { verifyHead } = await import('/portal/js/verify.js');
                const heads = await (await fetch(`/api/trust/communities/${community}/months`)).json();
                const lines = (await (await fetch(`/api/trust/communities/${community}/export`)).text()).split('\\n').filter(Boolean).map(l => JSON.parse(l));
                lines[3].entry.postings[0].amountFen += 1;
                lines[3].entry.postings[1].amountFen -= 1;
                const result = await verifyHead(lines, heads.find(h => h.period === month), null);
                done(JSON.stringify(result.problems));
                """, community, closed);
        assertThat(verdict).contains("verify.changed").contains("\"index\":3").contains("verify.rootMismatch");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        // On a phone with the text at 200%, the page reflows: nothing needs sideways scrolling (WCAG 1.4.4, 1.4.10).
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(412, 900));
        browser.driver.executeScript("document.documentElement.style.fontSize = '200%'");
        assertThat(((Number) browser.driver.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue())
                .as("sideways overflow in px").isLessThanOrEqualTo(0L);
        browser.driver.executeScript("document.documentElement.style.fontSize = ''");
        // The first Tab reaches the skip link, and following it puts the keyboard in the page's content.
        browser.open("/portal/#/resident");
        browser.until(By.id("statement-month"));
        new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("skip-link");
        new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
        browser.screenshot("resident");
    }

    @Test
    @Order(3)
    void aResidentReachesNoOtherCommunityNorHouseholdByChangingIdsAndNoChangeWithoutTheCsrfToken() {
        Api operator = new Api(stack.gatewayUrl()).patient().as(keycloak.passwordToken("operator", "operator"));
        String other = operator.post("/api/community/communities", Map.of("name", "劲松南社区", "city", "北京市", "district", "朝阳区",
                "divisionCode", "110105", "declaredFloorAreaM2", 52000)).json().get("id").asString();
        JsonNode units = operator.get("/api/community/communities/" + community + "/units?limit=500").json().get("items");
        String neighbour = units.valueStream().filter(u -> u.get("building").asString().equals("2号楼")).findFirst().orElseThrow().get("id").asString();

        for (String path : List.of("/api/community/communities/" + other, "/api/billing/communities/" + other + "/arrears",
                "/api/trust/communities/" + other + "/statements/2026-11", "/api/billing/communities/" + community + "/units/" + neighbour + "/invoices",
                "/api/fund/communities/" + community + "/units/" + neighbour + "/statement")) {
            browser.open(path);
            String page = browser.driver.findElement(By.tagName("body")).getText();
            assertThat(page).as(path).containsAnyOf("\"status\":403", "\"status\":404").doesNotContain("payerName").doesNotContain("劲松南社区\",\"city");
        }

        browser.open("/portal/#/resident");
        browser.until(By.id("statement-month"));
        String entry = new Api(stack.gatewayUrl()).patient().as(keycloak.passwordToken("committee", "committee"))
                .get("/api/trust/communities/" + community + "/entries?limit=1").json().get("items").get(0).get("id").asString();
        int before = objectionCount();
        @SuppressWarnings("unchecked")
        List<Object> refused = (List<Object>) browser.async("""
                const [path, done] = [arguments[0], arguments[1]];
                fetch(path, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({question: '伪造的质询'})})
                  .then(async r => done([r.status, await r.text()]));
                """, "/api/trust/communities/" + community + "/entries/" + entry + "/objections");
        assertThat(refused.get(0)).isEqualTo(403L);
        assertThat((String) refused.get(1)).contains("csrf-token-missing");
        assertThat(objectionCount()).as("nothing written").isEqualTo(before);
    }

    private static int objectionCount() {
        return new Api(stack.gatewayUrl()).patient().as(keycloak.passwordToken("committee", "committee"))
                .get("/api/trust/communities/" + community + "/objections").json().size();
    }

    @Test
    @Order(4)
    void signingOutEndsTheKeycloakSessionToo() {
        browser.open("/portal/#/resident");
        browser.signOut();
        browser.until(By.id("signin")).click();
        browser.until(By.id("kc-login"));
        assertThat(browser.driver.getCurrentUrl()).contains("/realms/commonhold/protocol/openid-connect/auth");
    }

    @Test
    @Order(5)
    void theCommitteeGivesTheSecondKeyToAPaymentWithItsVouchers() {
        browser.signIn("committee", "committee");
        browser.open("/portal/#/committee");
        browser.untilText(By.cssSelector("main"), "3号楼电梯曳引机更换");
        assertThat(browser.driver.findElement(By.cssSelector("article.request")).getText()).contains("lift-quote.pdf").contains("已有 0 人同意，需要 2 人");
        browser.driver.findElement(By.cssSelector("article.request button.primary")).click();
        browser.untilText(By.cssSelector("article.request"), "已记录");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.open("/portal/#/committee");
        browser.untilText(By.cssSelector("article.request"), "已有 1 人同意，需要 2 人");
        browser.screenshot("committee");
        browser.signOut();
    }

    @Test
    @Order(6)
    void theCommitteeDraftsAVoteWhosePapersTheBrowserHashesAndOpensIt() throws Exception {
        browser.signIn("committee", "committee");
        browser.open("/portal/#/committee");
        browser.until(By.cssSelector("details.draft summary")).click();
        Path paper = Files.createTempFile("维修方案", ".pdf");
        Files.writeString(paper, "%PDF-1.4 3号楼外墙维修方案", StandardCharsets.UTF_8);
        var form = browser.driver.findElement(By.cssSelector("details.draft form"));
        form.findElement(By.cssSelector("[data-field=title] input")).sendKeys("3号楼外墙维修");
        var closes = form.findElement(By.cssSelector("[data-field=closesAt] input"));
        java.time.LocalDateTime closesAt = java.time.LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20).atTime(18, 0);
        browser.driver.executeScript("arguments[0].value = arguments[1]", closes, closesAt.toString());
        form.findElement(By.cssSelector("[data-field=documents] input")).sendKeys(paper.toAbsolutePath().toString());
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.untilText(By.cssSelector("details.draft"), "已保存草稿：3号楼外墙维修");

        JsonNode drafted = new Api(stack.gatewayUrl()).patient().as(keycloak.passwordToken("committee", "committee"))
                .get("/api/community/communities/" + community + "/resolutions").json().get("items").valueStream()
                .filter(r -> r.get("title").asString().equals("3号楼外墙维修")).findFirst().orElseThrow();
        assertThat(drafted.get("status").asString()).isEqualTo("DRAFT");
        assertThat(java.time.Instant.parse(drafted.get("closesAt").asString())).as("18:00 in Beijing")
                .isEqualTo(closesAt.atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        assertThat(drafted.get("documents").get(0).get("sha256").asString())
                .isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(paper))));
        browser.open("/portal/#/committee");
        browser.untilText(By.cssSelector("main"), "3号楼外墙维修");
        var article = browser.driver.findElements(By.cssSelector("article.resolution")).stream()
                .filter(a -> a.getText().contains("3号楼外墙维修")).findFirst().orElseThrow();
        assertThat(article.getText()).contains("草稿");
        article.findElement(By.xpath(".//button[normalize-space()='开始表决']")).click();
        browser.untilText(By.cssSelector("main"), "已完成。");
        assertThat(new Api(stack.gatewayUrl()).patient().as(keycloak.passwordToken("committee", "committee"))
                .get("/api/community/communities/" + community + "/resolutions/" + drafted.get("id").asString()).json().get("status").asString())
                .isEqualTo("OPEN");
        browser.signOut();
    }

    @Test
    @Order(7)
    void theOperatorBillsAMonthAndWatchesItsProgressAndSeesAProblemNextToTheField() {
        browser.signIn("operator", "operator");
        browser.open("/portal/#/operator");
        browser.until(By.cssSelector(".chart canvas"));
        assertThat(browser.driver.findElement(By.cssSelector(".figures")).getText()).contains("收缴率").contains("%");
        var period = browser.until(By.cssSelector("input[name=period]"));
        String next = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(1).toString();
        browser.driver.executeScript("arguments[0].value = arguments[1]", period, next);
        browser.driver.findElement(By.id("start-run")).click();
        browser.untilText(By.id("run-done"), "完成：新开 1200 张账单");
        assertThat(browser.driver.findElement(By.id("run-status")).getText()).contains("1200/1200");
        assertThat(browser.driver.findElement(By.cssSelector("main")).getText()).as("nothing a page left out shows as a word")
                .doesNotContain("null").doesNotContain("undefined");
        assertThat(browser.driver.findElement(By.cssSelector("main")).getText()).as("leasing: the rent roll with the shop waiting for its vote")
                .contains("租金台账").contains("2号楼底商").contains("待业主大会表决").contains("空置：");

        var amount = browser.driver.findElement(By.cssSelector("[data-field=amountFen] input"));
        browser.driver.findElement(By.cssSelector("[data-field=payee] input")).sendKeys("北京某电梯维保有限公司");
        browser.driver.findElement(By.cssSelector("[data-field=purpose] input")).sendKeys("测试：金额为零");
        amount.sendKeys("0");
        amount.findElement(By.xpath("./ancestor::form//button[@type='submit']")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.driver.findElement(By.cssSelector("[data-field=amountFen] .field-error")).getText().isBlank());
        assertThat(amount.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("operator");
        browser.signOut();
    }

    @Test
    @Order(8)
    void theRegulatorExportsTheDistrictAsCsv() throws Exception {
        browser.signIn("regulator", "regulator");
        browser.open("/portal/#/regulator");
        browser.untilText(By.cssSelector("main"), "劲松北社区");
        browser.until(By.cssSelector(".chart canvas"));
        // The district's franchise: the demo garage's overcharge in the officer's words, with its approval.
        browser.untilText(By.cssSelector("main"), DemoFranchise.TITLE);
        assertThat(browser.driver.findElement(By.cssSelector("main")).getText()).contains("超出批复价格收费").contains("实收 ¥60.00，批复上限 ¥")
                .contains("京朝发改价〔2025〕7号");
        assertThat(browser.driver.findElement(By.cssSelector("main")).getText()).doesNotContain("null").doesNotContain("undefined");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("regulator");
        try (var old = Files.list(Browser.DOWNLOADS)) {
            old.forEach(f -> f.toFile().delete());
        }
        browser.driver.findElement(By.id("export-csv")).click();
        Path csv = await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (var files = Files.list(Browser.DOWNLOADS)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".csv")).findFirst().orElse(null);
            }
        }, f -> f != null);
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\ufeff小区,行政区划代码,维修资金余额").contains("劲松北社区,110105");
        browser.signOut();
    }

    /** Issue 12: the tenant sees her lease and what she owes, pays one charge at the channel's cashier, and the schedule shows it paid. */
    @Test
    @Order(9)
    void theTenantSeesHerLeaseAndPaysACharge() {
        browser.signIn("tenant", "tenant");
        browser.open("/portal/#/tenant");
        browser.untilText(By.cssSelector("main"), "ZL-2026-0002");
        assertThat(browser.driver.findElement(By.cssSelector("main")).getText()).contains("月租金 ¥6,000.00").contains("待付")
                .doesNotContain("null").doesNotContain("undefined");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("tenant");
        browser.until(By.cssSelector("button[data-charge]")).click();
        payOnThePhone();
        browser.untilText(By.cssSelector(".pay-status"), "已付清");
        browser.signOut();
    }

    /**
     * Issue 13: the elderly resident orders a meal on the community-services page — the subsidy taken off —
     * and pays at the channel's cashier; the canteen, signed in with its own login, serves it.
     */
    @Test
    @Order(10)
    void theElderlyResidentOrdersAMealWithTheSubsidyPaysAndTheCanteenServesIt() {
        dev.commonhold.platform.testkit.http.Api staff = new dev.commonhold.platform.testkit.http.Api(stack.gatewayUrl())
                .as(keycloak.passwordToken("staff", "staff"));
        String commerce = "/api/commerce/communities/" + community;
        String canteen = staff.get(commerce + "/merchants").json().valueStream().filter(m -> m.get("name").asString().equals(DemoCommerce.CANTEEN))
                .findFirst().orElseThrow().get("id").asString();
        String supper = staff.post(commerce + "/merchants/" + canteen + "/offerings", java.util.Map.of("kind", "MEAL", "name", "长者营养晚餐",
                "priceFen", 1_800, "eligibility", "ELDERLY", "minAge", 60, "capacityPerDay", 30, "opensAt", "00:00", "closesAt", "23:59:59"))
                .json().get("id").asString();

        browser.signIn("resident", "resident");
        browser.open("/portal/#/services");
        browser.untilText(By.cssSelector("main"), "长者营养晚餐");
        assertThat(browser.driver.findElement(By.cssSelector("main")).getText()).contains("60岁以上长者").contains("3号楼快递柜").doesNotContain("null")
                .doesNotContain("undefined");
        browser.until(By.cssSelector("button[data-offering='" + supper + "']")).click();
        browser.untilText(By.cssSelector("main"), "政府补贴 ¥3.00，需支付 ¥15.00");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("services");
        browser.until(By.cssSelector("button[data-order]")).click();
        payOnThePhone();
        browser.untilText(By.cssSelector(".pay-status"), "已支付");
        browser.signOut();

        browser.signIn("merchant", "merchant");
        browser.open("/portal/#/merchant");
        browser.untilText(By.cssSelector("main"), DemoCommerce.CANTEEN);
        browser.until(By.cssSelector("button[data-serve]")).click();
        browser.untilText(By.cssSelector("main"), "已完成。");
        assertThat(browser.driver.findElement(By.cssSelector("main")).getText()).contains("结算单").doesNotContain("null").doesNotContain("undefined");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("merchant");
        browser.signOut();
    }

    /** The cashier page the order's QR code leads to, opened as the payer's phone would, and paid there. */
    private static void payOnThePhone() {
        String portal = browser.driver.getWindowHandle();
        browser.until(By.id("cashier-link")).click();
        String phone = browser.driver.getWindowHandles().stream().filter(h -> !h.equals(portal)).findFirst().orElseThrow();
        browser.switchTo().window(phone);
        browser.until(By.id("confirm-payment")).click();
        browser.untilText(By.id("paid"), "支付成功");
        browser.driver.close();
        browser.switchTo().window(portal);
    }
}
