package dev.commonhold.franchise.oversight.web;

import dev.commonhold.franchise.oversight.app.Oversight;
import dev.commonhold.franchise.oversight.app.Reporting;
import dev.commonhold.franchise.oversight.domain.Finding;
import dev.commonhold.franchise.oversight.domain.YearReview;
import dev.commonhold.franchise.oversight.export.OcdsExport;
import dev.commonhold.franchise.oversight.export.OcdsSchemas;
import dev.commonhold.platform.documents.CsvCells;
import dev.commonhold.platform.messaging.EventJson;
import dev.commonhold.platform.security.Viewer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The review for the regulator's tools: an OCDS release checked against the published schemas, and CSV for spreadsheets (amounts in yuan). */
@Component
class Exports {

    private final Oversight oversight;
    private final Reporting reporting;
    private final OcdsSchemas schemas;
    private final Clock clock;

    Exports(Oversight oversight, Reporting reporting, OcdsSchemas schemas, Clock clock) {
        this.oversight = oversight;
        this.reporting = reporting;
        this.schemas = schemas;
        this.clock = clock;
    }

    /** @throws IllegalStateException when the release does not validate: ours to fix, never served as if it did */
    JsonNode ocds(Viewer viewer, UUID agreementId, int year) {
        Oversight.Reviewed reviewed = oversight.review(viewer, agreementId, year);
        JsonNode release = OcdsExport.release(reviewed.agreement(), reviewed.review(), reviewed.settledPayments(), reporting.reports(viewer, agreementId),
                clock.instant());
        List<String> problems = schemas.problems(release);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the OCDS export of " + agreementId + " for " + year + " does not validate: " + problems);
        }
        return release;
    }

    static String findings(Oversight.Reviewed reviewed, List<Finding> findings) {
        StringBuilder csv = new StringBuilder("\uFEFF协议,年度,严重程度,类别,条款,说明,证据\r\n");
        for (Finding f : findings) {
            csv.append(String.join(",", CsvCells.text(reviewed.agreement().terms().title()), Integer.toString(reviewed.review().year()),
                    f.severity().name(), f.code(), CsvCells.text(f.clause()), CsvCells.text(f.summary()),
                    CsvCells.text(EventJson.toTree(f.evidence()).toString()))).append("\r\n");
        }
        return csv.toString();
    }

    static String district(List<Oversight.Reviewed> reviewed) {
        StringBuilder csv = new StringBuilder("\uFEFF协议编号,协议,运营方,统一社会信用代码,辖区,年度,结算收入(元),申报收入(元),应付分成(元),已付分成(元),未付(元),"
                + "内部收益率,回本年份,累计投资(元),应投资(元),服务得分,严重,重要,一般\r\n");
        for (Oversight.Reviewed r : reviewed) {
            YearReview y = r.review();
            var t = r.agreement().terms();
            csv.append(String.join(",", r.agreement().id().toString(), CsvCells.text(t.title()), CsvCells.text(t.operatorName()), t.operatorCreditCode(),
                    t.jurisdiction(), Integer.toString(y.year()), yuan(y.grossFen()),
                    y.reportedRevenueFen() == null ? "" : yuan(y.reportedRevenueFen()), yuan(y.obligationFen()), yuan(y.paidFen()),
                    yuan(y.outstandingFen()), y.returnToDate() == null ? "" : "%.6f".formatted(y.returnToDate()),
                    y.paybackYear() == null ? "" : y.paybackYear().toString(), yuan(y.capitalFen()), yuan(y.investmentDueFen()),
                    y.kpiScoreBasisPoints() == null ? "" : "%.2f".formatted(y.kpiScoreBasisPoints() / 100.0),
                    count(y, Finding.Severity.CRITICAL), count(y, Finding.Severity.MAJOR), count(y, Finding.Severity.MINOR))).append("\r\n");
        }
        return csv.toString();
    }

    /** A plain decimal a spreadsheet reads as a number: no thousands separators (they would split the cell). */
    private static String yuan(long fen) {
        return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private static String count(YearReview y, Finding.Severity severity) {
        return Long.toString(y.findings().stream().filter(f -> f.severity() == severity).count());
    }

    static ResponseEntity<byte[]> csv(String name, String csv) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }
}
