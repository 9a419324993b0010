package dev.commonhold.billing.documents.web;

import dev.commonhold.billing.support.BillingFixture;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Receipts and statements: Chinese text really in the PDF with its font embedded, CSV that Excel opens in Chinese. */
@IntegrationTest
class DocumentsIT {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aReceiptCarriesTheChineseTextTheAmountInCapitalsAndItsOwnFont() throws Exception {
        BillingFixture f = new BillingFixture(port, 2);
        f.putPlan();
        f.bill("2026-12");
        String payment = f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString()).post(f.unitPath(0, "/payments"),
                Map.of("amountFen", 20_000, "method", "CASH", "receiptNumber", "SJ-1")).json().get("paymentId").asString();

        HttpResponse<byte[]> pdf = get(f.owner.token(), f.path("/payments/" + payment + "/receipt"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        java.nio.file.Files.write(java.nio.file.Path.of("target", "receipt-sample.pdf"), pdf.body()); // to look at: pdftoppm -png
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("劲松北社区", "收 款 收 据", "1号楼-101", "物业费 2026年12月", "134.25", "存入预存款", "65.75",
                    "贰佰元整", "现金");
            PDFont font = document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.getName()).contains("NotoSansSC");
            assertThat(font.isEmbedded()).isTrue();
        }
        assertThat(get(f.otherOperator(), f.path("/payments/" + payment + "/receipt")).statusCode()).isEqualTo(404);
        String stranger = dev.commonhold.platform.testkit.Infra.tokens().user("neighbour").roles("resident").communities(f.community).token();
        assertThat(get(stranger, f.path("/payments/" + payment + "/receipt")).statusCode()).isEqualTo(404);
    }

    @Test
    void aHouseholdStatementAsPdfAndCsvShowsBillsPaymentsWhatIsOpenAndTheCredit() throws Exception {
        BillingFixture f = new BillingFixture(port, 1);
        f.putPlan();
        f.bill("2026-11");
        f.bill("2026-12");
        f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString()).post(f.unitPath(0, "/payments"),
                Map.of("amountFen", 13_425, "method", "CARD", "receiptNumber", "SJ-2"));

        HttpResponse<byte[]> csv = get(f.owner.token(), f.unitPath(0, "/statement?format=csv&from=2020-01-01"));
        assertThat(csv.statusCode()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF类型,编号");
        assertThat(text).contains("\"物业费 2026年11月（1号楼-101，89.50 m²）\",134.25,134.25,0.00", "\"缴费 刷卡\"", "\"预存余额\",,,,,0.00,,");

        HttpResponse<byte[]> pdf = get(f.owner.token(), f.unitPath(0, "/statement?from=2020-01-01"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "statement-sample.pdf"), pdf.body());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("住户对账单", "1号楼-101", "未收 134.25 元");
        }
        assertThat(get(f.owner.token(), f.unitPath(0, "/statement?format=xls")).statusCode()).isEqualTo(400);
        assertThat(get(f.owner.token(), f.unitPath(0, "/statement?from=2027-01-01&to=2026-01-01")).statusCode()).isEqualTo(400);
    }

    @Test
    void charactersTheFontLacksOrControlCharactersNeverStopADocument() throws Exception {
        BillingFixture f = new BillingFixture(port, 1);
        f.putPlan();
        f.bill("2026-12");
        jdbc.update("UPDATE unit SET owner_name = '𠮷䶮😀' WHERE id = ?", f.units.get(0)); // as community.state would bring a rare surname
        String payment = f.as(f.staff()).header("Idempotency-Key", UUID.randomUUID().toString()).post(f.unitPath(0, "/payments"),
                Map.of("amountFen", 100, "method", "CASH", "receiptNumber", "SJ-😀\t<b>1</b>")).json().get("paymentId").asString();
        HttpResponse<byte[]> receipt = get(f.owner.token(), f.path("/payments/" + payment + "/receipt"));
        assertThat(receipt.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(receipt.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("SJ-□ <b>1</b>", "□");
        }
        assertThat(get(f.owner.token(), f.unitPath(0, "/statement")).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + f.unitPath(0, "/statement")))
                .header("Authorization", "Bearer " + f.owner.token()).header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    }

    private HttpResponse<byte[]> get(String token, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
