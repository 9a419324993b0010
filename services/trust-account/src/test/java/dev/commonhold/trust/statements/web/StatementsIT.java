package dev.commonhold.trust.statements.web;

import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import dev.commonhold.trust.support.TrustFixture;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rule T4: the month's statement — opening and closing, income by class, expenses, every entry with its hash, the closed month's root. */
@IntegrationTest
class StatementsIT {

    @LocalServerPort
    int port;

    @Test
    void theMonthsStatementAddsUpAndCarriesTheClosedMonthsRootInJsonCsvAndPdf() throws Exception {
        TrustFixture f = new TrustFixture(port).registered();
        String path = "/api/trust/communities/" + f.community;
        TrustFixture.send(List.of(f.settled(UUID.randomUUID(), "property_fee", null, 30_000, Instant.parse("2026-09-20T02:00:00Z")),
                f.settled(UUID.randomUUID(), "property_fee", null, 12_345, Instant.parse("2026-10-10T02:00:00Z")),
                f.settled(UUID.randomUUID(), "parking_common", null, 1_500, Instant.parse("2026-10-11T02:00:00Z")),
                f.settled(UUID.randomUUID(), "advertising_common", null, 2_000, Instant.parse("2026-10-12T02:00:00Z"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> f.as(f.resident).get(path + "/accounts").json().get("entries").asLong() == 4);
        f.as(f.operatorAdmin).post(path + "/months/2026-09/close", Map.of());
        f.as(f.operatorAdmin).post(path + "/months/2026-10/close", Map.of());

        JsonNode s = f.as(f.resident).get(path + "/statements/2026-10").json();

        assertThat(s.get("openingBankFen").asLong()).as("September's income").isEqualTo(30_000);
        assertThat(s.get("incomeFen").asLong()).isEqualTo(12_345 + 1_500 + 2_000);
        assertThat(s.get("closingBankFen").asLong()).isEqualTo(30_000 + 15_845);
        assertThat(s.get("income").valueStream().map(a -> a.get("account").asString() + "=" + a.get("fen").asLong()).toList())
                .containsExactly("4101=12345", "4102=1500", "4104=2000");
        assertThat(s.get("lines")).hasSize(3);
        assertThat(s.get("lineCount").asLong()).isEqualTo(3);
        assertThat(s.get("nextLinesAfter").isNull()).isTrue();
        JsonNode first = f.as(f.resident).get(path + "/statements/2026-10?limit=2").json();
        assertThat(first.get("lines")).hasSize(2);
        JsonNode second = f.as(f.resident).get(path + "/statements/2026-10?limit=2&linesAfter=" + first.get("nextLinesAfter").asLong()).json();
        assertThat(second.get("lines")).singleElement().satisfies(l -> assertThat(l.get("entryId")).isEqualTo(s.get("lines").get(2).get("entryId")));
        assertThat(second.get("nextLinesAfter").isNull()).isTrue();
        assertThat(f.as(f.resident).get(path + "/statements/2026-10?limit=5001").status()).isEqualTo(400);
        assertThat(s.get("treeSize").asLong()).isEqualTo(4);
        assertThat(s.get("rootHash").asString()).isEqualTo(f.as(f.resident).get(path + "/months").json().get(1).get("rootHash").asString());

        ApiResponse csv = f.as(f.resident).get(path + "/statements/2026-10?format=csv");
        assertThat(csv.body()).startsWith("\uFEFF社区,\"劲松北社区\",月份,2026-10").contains("本月收入（元）,158.45").contains("4101,\"物业费收入\",-123.45");
        assertThat(f.as(f.resident).get(path + "/statements/2026-13").status()).isEqualTo(400);
        assertThat(f.as(f.resident).get(path + "/statements/" + java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(1)).status())
                .as("a month that has not begun").isEqualTo(400);
        assertThat(f.as(f.resident).get(path + "/statements/0000-01?format=csv").status()).isEqualTo(400);

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + "/statements/2026-10?format=pdf"))
                .header("Authorization", "Bearer " + f.resident.token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        java.nio.file.Files.write(java.nio.file.Path.of("target", "trust-statement-sample.pdf"), pdf.body()); // to look at: pdftoppm -png
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("劲松北社区 信托账户月度报表", "月份 2026-10", "期初银行存款", "300.00", "期末银行存款", "458.45",
                    "物业费收入", "123.45", "分录数 4", s.get("rootHash").asString(), "本月分录（3 笔）",
                    s.get("lines").get(0).get("leafHash").asString().substring(0, 16));
        }
        assertThat(f.as(f.resident).get(path + "/statements/2026-10?format=xls").status()).isEqualTo(400);
    }
}
