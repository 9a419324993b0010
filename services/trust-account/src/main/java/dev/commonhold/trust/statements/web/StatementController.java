package dev.commonhold.trust.statements.web;

import dev.commonhold.platform.documents.CsvCells;
import dev.commonhold.platform.ledger.Posting;
import dev.commonhold.platform.money.Money;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.trust.statements.app.Statements;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import jakarta.servlet.http.HttpServletResponse;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/**
 * The month's statement as JSON, ?format=csv for a spreadsheet (UTF-8 with a byte-order mark, so Excel
 * reads the Chinese) or ?format=pdf to print for the notice board (the CJK font embedded).
 */
@RestController
class StatementController {

    private final Statements statements;

    StatementController(Statements statements) {
        this.statements = statements;
    }

    @GetMapping("/api/trust/communities/{communityId}/statements/{month}")
    ResponseEntity<?> statement(Viewer viewer, @PathVariable UUID communityId, @PathVariable String month,
                                @RequestParam(defaultValue = "json") String format, @RequestParam(defaultValue = "-1") long linesAfter,
                                @RequestParam(defaultValue = "1000") int limit) {
        YearMonth period = month(month);
        if (!format.equals("json") && !format.equals("pdf")) {
            throw ProblemException.invalid("format", "must be json, csv or pdf"); // csv is its own mapping below
        }
        if (format.equals("json")) {
            if (limit < 1 || limit > Statements.MAX_PAGE) {
                throw ProblemException.invalid("limit", "must be 1 to " + Statements.MAX_PAGE + " lines a page; follow nextLinesAfter for the rest");
            }
            return ResponseEntity.ok(statements.of(viewer, communityId, period, linesAfter, limit));
        }
        Statements.Statement s = statements.of(viewer, communityId, period, -1, StatementPdf.MAX_LINES);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline().filename("statement-" + month + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(StatementPdf.render(s));
    }

    /** The CSV is written as the journal is read, straight to the response: a month of a million entries never sits in memory. */
    @GetMapping(path = "/api/trust/communities/{communityId}/statements/{month}", params = "format=csv")
    void csv(Viewer viewer, @PathVariable UUID communityId, @PathVariable String month, HttpServletResponse response) throws IOException {
        YearMonth period = month(month);
        Statements.Statement s = statements.of(viewer, communityId, period, -1, 1);
        Map<String, String> names = statements.names(communityId);
        response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
        response.setHeader("Content-Disposition", ContentDisposition.attachment().filename("statement-" + month + ".csv", StandardCharsets.UTF_8).build()
                .toString());
        Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
        csv(s, names, communityId, period, writer);
        writer.flush();
    }

    private void csv(Statements.Statement s, Map<String, String> names, UUID communityId, YearMonth period, Writer out) throws IOException {
        out.append("\uFEFF");
        out.append("社区,").append(CsvCells.text(s.communityName())).append(",月份,").append(s.month()).append('\n');
        out.append("期初银行存款（元）,").append(Money.fen(s.openingBankFen()).toDecimalString()).append(",期末银行存款（元）,").append(Money.fen(s.closingBankFen()).toDecimalString()).append('\n');
        out.append("本月收入（元）,").append(Money.fen(s.incomeFen()).toDecimalString()).append(",本月支出（元）,").append(Money.fen(s.expensesFen()).toDecimalString()).append('\n');
        out.append("默克尔根,").append(s.rootHash() == null ? "（本月未结账）" : s.rootHash()).append(",分录数,").append(s.treeSize() == null ? "" : String.valueOf(s.treeSize()))
                .append('\n');
        out.append("序号,摘要,科目,科目名称,金额（元，借正贷负）,分录编号,叶哈希,付款申请\n");
        try {
            statements.eachLine(communityId, period, line -> {
                for (Posting p : line.postings()) {
                    try {
                        out.append(String.valueOf(line.sequence())).append(',').append(CsvCells.text(line.description())).append(',').append(p.account()).append(',')
                                .append(CsvCells.text(names.getOrDefault(p.account(), ""))).append(',').append(Money.fen(p.amountFen()).toDecimalString()).append(',')
                                .append(line.entryId().toString()).append(',').append(line.leafHash()).append(',')
                                .append(line.paymentRequestId() == null ? "" : line.paymentRequestId().toString()).append('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A month from 2000 to this one (Beijing time: a month that has not begun has no statement). */
    private static YearMonth month(String month) {
        YearMonth period;
        try {
            period = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("month", "must be yyyy-MM, e.g. 2026-10");
        }
        if (period.isBefore(YearMonth.of(2000, 1)) || period.isAfter(YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")))) {
            throw ProblemException.invalid("month", "must be a month from 2000-01 to this one; " + month + " has no statement");
        }
        return period;
    }

}
