package dev.commonhold.fund.accounts.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.fund.accounts.app.AccountQueries;
import dev.commonhold.fund.accounts.app.Demolition;
import dev.commonhold.fund.accounts.app.Deposits;
import dev.commonhold.fund.accounts.app.OpeningBalances;
import dev.commonhold.fund.accounts.app.YearReport;
import dev.commonhold.fund.accounts.domain.Movement;
import dev.commonhold.fund.accounts.domain.SubAccount;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.platform.web.problem.ProblemType;
import io.swagger.v3.oas.annotations.tags.Tag;
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

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sub-accounts (分户账): each owner's own, the community's totals, and the operator's demand for initial deposits. */
@RestController
@Tag(name = "Sub-accounts")
@RequestMapping("/api/fund/communities/{communityId}")
class AccountsController {

    /**
     * @param balanceFen        fen, never below 0
     * @param topUpLineFen      30% of the initial deposit (rule F3): strictly below it, a top-up is demanded
     */
    /** @param closed refunded on demolition (F9): it takes nothing more */
    record SubAccountView(UUID unitId, String unit, BigDecimal areaM2, String ownerName, long initialDepositFen, long balanceFen,
                          long topUpLineFen, boolean belowTopUpLine, String depositState, boolean closed) {
    }

    record MovementView(UUID id, String kind, long amountFen, LocalDate valueDate, String description, String reference) {
    }

    record StatementView(SubAccountView subAccount, List<MovementView> movements) {
    }

    /** @param subAccountsFen the sum of every sub-account; {@code owedToOwnersFen} the ledger's figure for it — the two are always equal */
    /** {@code closed}: of the sub-accounts, those refunded on demolition */
    record SummaryView(UUID communityId, String community, int subAccounts, long subAccountsFen, long owedToOwnersFen, long belowTopUpLine,
                       Map<SubAccount.DepositState, Long> deposits, long closed) {
    }

    record Demanded(int demanded) {
    }

    private static final int MAX_BYTES = 10 * 1024 * 1024;

    private final AccountQueries queries;
    private final Deposits deposits;
    private final OpeningBalances openingBalances;
    private final Demolition demolition;

    AccountsController(AccountQueries queries, Deposits deposits, OpeningBalances openingBalances, Demolition demolition) {
        this.queries = queries;
        this.deposits = deposits;
        this.openingBalances = openingBalances;
        this.demolition = demolition;
    }

    /** The caller's own units' sub-accounts. */
    @GetMapping("/sub-accounts/mine")
    List<SubAccountView> mySubAccounts(Viewer viewer, @PathVariable UUID communityId) {
        return queries.mine(viewer, communityId).stream().map(AccountsController::view).toList();
    }

    /** Every sub-account (the operator's staff and the committee), or only those below the top-up line. */
    @GetMapping("/sub-accounts")
    List<SubAccountView> subAccounts(Viewer viewer, @PathVariable UUID communityId,
                                     @RequestParam(defaultValue = "false") boolean belowTopUpLine) {
        return queries.all(viewer, communityId, belowTopUpLine).stream().map(AccountsController::view).toList();
    }

    /** One unit's statement (F8): its sub-account and every movement. */
    @GetMapping(path = "/units/{unitId}/statement", produces = MediaType.APPLICATION_JSON_VALUE)
    StatementView unitStatement(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID unitId) {
        AccountQueries.Statement s = queries.statement(viewer, communityId, unitId);
        return new StatementView(view(new AccountQueries.UnitAccount(s.unit(), s.account())), s.movements().stream().map(AccountsController::view).toList());
    }

    /** The same as a document: {@code format=csv} (UTF-8 with BOM, for Excel) or {@code format=pdf} (A4, Chinese embedded). */
    @GetMapping(path = "/units/{unitId}/statement", params = "format")
    ResponseEntity<byte[]> unitStatementDocument(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID unitId,
                                                 @RequestParam String format) {
        AccountQueries.Statement s = queries.statement(viewer, communityId, unitId);
        String name = "维修资金对账单-" + s.unit().reference();
        return switch (format) {
            case "csv" -> document(StatementDocuments.csv(s), "text/csv;charset=UTF-8", name + ".csv");
            case "pdf" -> document(StatementDocuments.pdf(s, queries.communityName(communityId)), MediaType.APPLICATION_PDF_VALUE, name + ".pdf");
            default -> throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.VALIDATION, "Unknown format",
                    "format: csv or pdf (or leave it out for JSON)");
        };
    }

    private static ResponseEntity<byte[]> document(byte[] body, String type, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8)
                        .build().toString())
                .body(body);
    }

    /** fen; {@code usesByProject} what each project took from the sub-accounts in the year */
    record YearReportView(UUID communityId, int year, long openingFen, List<YearReport.Amount> inByKind, List<YearReport.Amount> usesByProject,
                          long refundedFen, long closingFen, int subAccounts, long belowTopUpLine) {
    }

    /** Rule F8: the fund over a calendar year, for every owner — JSON, or {@code format=csv} / {@code format=pdf} for the notice board. */
    @GetMapping(path = "/report", produces = MediaType.APPLICATION_JSON_VALUE)
    YearReportView yearReport(Viewer viewer, @PathVariable UUID communityId, @RequestParam int year) {
        YearReport r = queries.yearReport(viewer, communityId, year);
        return new YearReportView(r.community().id(), r.year(), r.openingFen(), r.inByKind(), r.usesByProject(), r.refundedFen(), r.closingFen(),
                r.subAccounts(), r.belowTopUpLine());
    }

    @GetMapping(path = "/report", params = "format")
    ResponseEntity<byte[]> yearReportDocument(Viewer viewer, @PathVariable UUID communityId, @RequestParam int year, @RequestParam String format) {
        YearReport r = queries.yearReport(viewer, communityId, year);
        String name = "维修资金公布表-" + year;
        return switch (format) {
            case "csv" -> document(YearReportDocuments.csv(r), "text/csv;charset=UTF-8", name + ".csv");
            case "pdf" -> document(YearReportDocuments.pdf(r), MediaType.APPLICATION_PDF_VALUE, name + ".pdf");
            default -> throw ProblemException.invalid("format", "csv or pdf (or leave it out for JSON)");
        };
    }

    /** The community's fund at a glance, for everyone who may read the community (F8). */
    @GetMapping("/summary")
    SummaryView summary(Viewer viewer, @PathVariable UUID communityId) {
        AccountQueries.Summary s = queries.summary(viewer, communityId);
        return new SummaryView(s.community().id(), s.community().name(), s.subAccounts(), s.subAccountsFen(), s.owedToOwnersFen(),
                s.belowTopUpLine(), s.deposits(), s.closed());
    }

    /**
     * The operator admin takes over the balances a fund held before (接管): a CSV with 楼栋, 房号, 余额
     * (yuan) and optionally 首期交存; all or nothing, once per unit, at most 10 MB.
     *
     * @param asOf the day the old records state the balances for
     */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/opening-balances", consumes = {"text/csv", "text/plain", "application/octet-stream", "text/tab-separated-values"})
    ResponseEntity<OpeningBalances.Imported> importOpeningBalances(Viewer viewer, @PathVariable UUID communityId, @RequestBody byte[] file,
                                                                   @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type,
                                                                   @RequestParam LocalDate asOf) {
        if (file.length > MAX_BYTES) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE, "File too large",
                    "an opening-balance sheet is at most 10 MB: split it by building");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(openingBalances.importSheet(viewer, communityId, file, type.getCharset(), asOf));
    }

    /** The demolition (e.g. the expropriation decision) and the bank's reference of the transfer to the owner. */
    record Demolished(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 200) String reason,
                      @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 64) String bankReference) {
    }

    /** Rule F9: the unit was demolished; its balance is refunded to the owner of record and its open charges withdrawn. */
    @Audited(kind = AuditKind.MONEY_CORRECTION, action = "fund.demolition-refund.pay")
    @PostMapping("/units/{unitId}/demolition-refund")
    @dev.commonhold.platform.web.idempotency.RequiresIdempotencyKey
    Demolition.Refund refundOnDemolition(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID unitId,
                                         @jakarta.validation.Valid @RequestBody Demolished r) {
        return demolition.refund(viewer, communityId, unitId, r.reason(), r.bankReference());
    }

    /** The operator starts collecting initial deposits (F1): every unit whose deposit is due is charged through billing. */
    @PostMapping("/deposit-demands")
    Demanded demandDeposits(Viewer viewer, @PathVariable UUID communityId) {
        return new Demanded(deposits.demandAll(viewer, communityId));
    }

    private static SubAccountView view(AccountQueries.UnitAccount a) {
        SubAccount s = a.account();
        return new SubAccountView(a.unit().id(), a.unit().reference(), BigDecimal.valueOf(a.unit().areaCentiM2(), 2), a.unit().ownerName(),
                s.initialDepositFen(), s.balanceFen(), topUpLine(s.initialDepositFen()), s.belowTopUpLine(), s.depositState().name(), s.closed());
    }

    /** 30% of the initial deposit, rounded up to the fen: a balance below this is below the line. */
    private static long topUpLine(long initialFen) {
        return Math.ceilDiv(Math.multiplyExact(initialFen, 3), 10);
    }

    private static MovementView view(Movement m) {
        return new MovementView(m.id(), m.kind().name(), m.amountFen(), m.valueDate(), m.description(), m.reference());
    }
}
