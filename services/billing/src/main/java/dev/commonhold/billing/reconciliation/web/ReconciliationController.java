package dev.commonhold.billing.reconciliation.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.billing.reconciliation.app.Reconciliations;
import dev.commonhold.billing.reconciliation.app.ReconciliationStore;
import dev.commonhold.platform.security.Viewer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Daily reconciliation (对账, rule PY3), by an operator admin: PUT the day's statement file as the
 * channel or bank gave it (WeChat Pay trade bill, Alipay 业务明细 CSV, bank CSV), read the
 * exceptions, resolve each with a reason, lock the day.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Reconciliation")
@RequestMapping("/api/billing/reconciliation/{channel}/{day}")
class ReconciliationController {

    record Resolve(@NotBlank @Size(max = 500) String resolution) {
    }

    record ExceptionView(UUID id, String kind, String transactionId, Integer statementRow, UUID paymentId, Long ourFen, Long statementFen,
                         boolean resolved, String resolution, String resolvedBy, Instant resolvedAt) {
    }

    record DayView(String channel, LocalDate day, int statementRows, int matched, long matchedFen, int refunds, long openExceptions,
                   boolean locked, String statementSha256, List<ExceptionView> exceptions) {
        static DayView of(Reconciliations.DayReport r) {
            ReconciliationStore.Day d = r.day();
            return new DayView(d.channel(), d.day(), d.statementRows(), d.matched(), d.matchedFen(), d.refunds(), r.open(), d.lockedAt() != null,
                    d.statementSha256(), r.exceptions().stream().map(e -> new ExceptionView(e.id(), e.kind(), e.transactionId(), e.statementRow(),
                    e.paymentId(), e.ourFen(), e.statementFen(), e.resolvedAt() != null, e.resolution(), e.resolvedBy(), e.resolvedAt())).toList());
        }
    }

    private final Reconciliations reconciliations;

    ReconciliationController(Reconciliations reconciliations) {
        this.reconciliations = reconciliations;
    }

    @PutMapping(path = "/statement", consumes = MediaType.ALL_VALUE)
    DayView importStatement(Viewer viewer, @PathVariable String channel, @PathVariable LocalDate day, @RequestBody byte[] file,
                            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        return DayView.of(reconciliations.importStatement(viewer, channel, day, file, charsetOf(contentType)));
    }

    @GetMapping
    DayView day(Viewer viewer, @PathVariable String channel, @PathVariable LocalDate day) {
        return DayView.of(reconciliations.day(viewer, channel, day));
    }

    @Audited(kind = AuditKind.MONEY_CORRECTION, action = "billing.reconciliation-exception.resolve")
    @PostMapping("/exceptions/{exceptionId}/resolution")
    DayView resolve(Viewer viewer, @PathVariable String channel, @PathVariable LocalDate day, @PathVariable UUID exceptionId,
                    @Valid @RequestBody Resolve body) {
        reconciliations.resolve(viewer, exceptionId, body.resolution());
        return DayView.of(reconciliations.day(viewer, channel, day));
    }

    @Audited(kind = AuditKind.APPROVAL, action = "billing.reconciliation-day.lock")
    @PostMapping("/lock")
    DayView lock(Viewer viewer, @PathVariable String channel, @PathVariable LocalDate day) {
        return DayView.of(reconciliations.lock(viewer, channel, day));
    }

    private static Charset charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            return MediaType.parseMediaType(contentType).getCharset();
        } catch (RuntimeException e) {
            throw dev.commonhold.platform.web.problem.ProblemException.invalid("Content-Type", "unknown charset in " + contentType);
        }
    }
}
