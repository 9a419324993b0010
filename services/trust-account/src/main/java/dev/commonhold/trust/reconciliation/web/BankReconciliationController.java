package dev.commonhold.trust.reconciliation.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.commonhold.platform.documents.SpreadsheetRejected;
import dev.commonhold.platform.documents.SpreadsheetText;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.platform.web.problem.ProblemType;
import dev.commonhold.trust.reconciliation.app.BankReconciliation;
import dev.commonhold.trust.reconciliation.app.Reconciliation;
import dev.commonhold.trust.reconciliation.domain.BankStatement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The co-managed account's bank statements and their reconciliation with the books. Staff send the
 * bank's export as it is (CSV in any encoding online banking writes); everyone who reads the books
 * reads the reconciliation; the operator's admin resolves what differs.
 */
@RestController
@RequestMapping("/api/trust/communities/{communityId}")
class BankReconciliationController {

    static final int MAX_BYTES = 10 * 1024 * 1024;

    record Posting(@NotBlank String account, @Size(max = 500) String note) {
    }

    record Note(@NotBlank @Size(max = 500) String note) {
    }

    private final BankReconciliation reconciliation;

    BankReconciliationController(BankReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    /** 201 when lines were imported, 200 when every line of the file was imported before (an overlapping export). */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/bank-statements", consumes = {"text/csv", "text/plain", "application/octet-stream", "text/tab-separated-values"})
    ResponseEntity<BankReconciliation.Imported> importStatement(Viewer viewer, @PathVariable UUID communityId, @RequestBody byte[] file,
                                                                @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type) {
        if (file.length > MAX_BYTES) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE, "File too large",
                    "a bank statement file is at most 10 MB: export it a month at a time");
        }
        Charset charset = type.getCharset();
        List<CsvRecord> records = SpreadsheetText.records(file, charset);
        if (records.isEmpty()) {
            throw SpreadsheetRejected.of(null, null, "the file is empty; export the account's statement from online banking as CSV");
        }
        List<BankStatement.Row> rows = records.subList(1, records.size()).stream()
                .map(r -> new BankStatement.Row((int) r.getStartingLineNumber(), r.getFields())).toList();
        BankReconciliation.Imported imported = reconciliation.importStatement(viewer, communityId, BankStatement.read(records.getFirst().getFields(), rows),
                sha256(file));
        return ResponseEntity.status(imported.imported() > 0 ? HttpStatus.CREATED : HttpStatus.OK).body(imported);
    }

    /** The three-way check on {@code asOf} (default today in the community's time zone). */
    @GetMapping("/bank-reconciliation")
    Reconciliation reconcile(Viewer viewer, @PathVariable UUID communityId, @RequestParam(required = false) String asOf) {
        return reconciliation.reconcile(viewer, communityId, day(asOf));
    }

    @Audited(kind = AuditKind.MONEY_CORRECTION, action = "trust.bank-line.post")
    @PostMapping("/bank-lines/{lineId}/post")
    Reconciliation.BankOnly post(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID lineId, @Valid @RequestBody Posting p) {
        return reconciliation.post(viewer, communityId, lineId, p.account(), p.note());
    }

    @Audited(kind = AuditKind.MONEY_CORRECTION, action = "trust.bank-line.explain")
    @PostMapping("/bank-lines/{lineId}/explain")
    Reconciliation.BankOnly explainLine(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID lineId, @Valid @RequestBody Note n) {
        return reconciliation.explainLine(viewer, communityId, lineId, n.note());
    }

    @Audited(kind = AuditKind.MONEY_CORRECTION, action = "trust.reconciliation-entry.explain")
    @PostMapping("/bank-reconciliation/entries/{entryId}/explain")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void explainEntry(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID entryId, @Valid @RequestBody Note n) {
        reconciliation.explainEntry(viewer, communityId, entryId, n.note());
    }

    private static LocalDate day(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("asOf", "must be a day as yyyy-MM-dd, e.g. 2026-11-30");
        }
    }

    private static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
