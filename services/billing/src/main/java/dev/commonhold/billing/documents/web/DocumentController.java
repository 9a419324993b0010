package dev.commonhold.billing.documents.web;

import dev.commonhold.billing.documents.app.DocumentData;
import dev.commonhold.billing.documents.app.Documents;
import dev.commonhold.billing.documents.render.ReceiptPdf;
import dev.commonhold.billing.documents.render.StatementCsv;
import dev.commonhold.billing.documents.render.StatementPdf;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** A receipt per payment (PDF) and a household statement (PDF or CSV), in Chinese. */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Receipts and statements")
@RequestMapping("/api/billing/communities/{communityId}")
class DocumentController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Documents documents;

    DocumentController(Documents documents) {
        this.documents = documents;
    }

    @GetMapping(path = "/payments/{paymentId}/receipt", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> receipt(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID paymentId) {
        DocumentData.Receipt receipt = documents.receipt(viewer, communityId, paymentId);
        return file(ReceiptPdf.render(receipt), MediaType.APPLICATION_PDF, "收据-" + paymentId + ".pdf");
    }

    /** @param format {@code pdf} or {@code csv}; without it, what the Accept header asks for (PDF by default); the period defaults to the last twelve months */
    @GetMapping(path = "/units/{unitId}/statement", produces = {MediaType.APPLICATION_PDF_VALUE, "text/csv"})
    ResponseEntity<byte[]> statement(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID unitId,
                                     @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                                     @RequestParam(required = false) String format,
                                     @org.springframework.web.bind.annotation.RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (format == null) {
            format = accept != null && accept.contains("text/csv") && !accept.contains(MediaType.APPLICATION_PDF_VALUE) ? "csv" : "pdf";
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Documents.Statement statement = documents.statement(viewer, communityId, unitId, from == null ? today.minusMonths(12) : from,
                to == null ? today : to);
        String name = "对账单-" + statement.unit().reference() + "-" + statement.from() + "-" + statement.to();
        return switch (format) {
            case "pdf" -> file(StatementPdf.render(statement), MediaType.APPLICATION_PDF, name + ".pdf");
            case "csv" -> file(StatementCsv.render(statement), CSV, name + ".csv");
            default -> throw ProblemException.invalid("format", "must be pdf or csv");
        };
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
