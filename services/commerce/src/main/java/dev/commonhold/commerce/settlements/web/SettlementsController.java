package dev.commonhold.commerce.settlements.web;

import dev.commonhold.commerce.settlements.app.SettlementStore;
import dev.commonhold.commerce.settlements.app.Settlements;
import dev.commonhold.commerce.settlements.app.SubsidyClaims;
import dev.commonhold.commerce.settlements.domain.Statement;
import dev.commonhold.platform.security.Viewer;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Merchant settlements (T+N) and subsidy claims to the street office. */
@RestController
@Tag(name = "Settlements and subsidy claims")
@RequestMapping("/api/commerce/communities/{communityId}")
class SettlementsController {

    /** @param merchantId one merchant, or none for every merchant */
    record Run(UUID merchantId) {
    }

    /**
     * @param netFen        gross − refunds − commission: what the merchant earned
     * @param subsidyFen    of the net, claimed from the street office
     * @param payoutFen     paid now out of the community's account
     * @param carriedOutFen refunds beyond what was due, taken from the next settlement (≤ 0)
     */
    record SettlementView(UUID id, String number, UUID merchantId, String merchantName, LocalDate throughDate, int orders, int refunds, long grossFen,
                          long subsidyFen, long refundsFen, long commissionFen, long netFen, long carriedInFen, long payoutFen, long carriedOutFen,
                          String issuedBy, Instant issuedAt, List<SettlementStore.Line> lines) {
        static SettlementView of(SettlementStore.Settlement s, List<SettlementStore.Line> lines) {
            Statement st = s.statement();
            return new SettlementView(s.id(), s.number(), s.merchantId(), s.merchantName(), s.throughDate(), st.orders(), st.refunds(), st.grossFen(),
                    st.subsidyFen(), st.refundsFen(), st.commissionFen(), st.netFen(), st.carriedInFen(), st.payoutFen(), st.carriedOutFen(), s.issuedBy(),
                    s.issuedAt(), lines);
        }
    }

    record ClaimPeriod(@NotNull LocalDate from, @NotNull LocalDate through) {
    }

    record ClaimView(SettlementStore.Claim claim, List<SettlementStore.Evidence> orders) {
    }

    private final Settlements settlements;
    private final SubsidyClaims claims;

    SettlementsController(Settlements settlements, SubsidyClaims claims) {
        this.settlements = settlements;
        this.claims = claims;
    }

    /** Settles what is due (T+N) for one merchant or all; run again, it finds nothing new and issues nothing. */
    @PostMapping("/settlements")
    List<SettlementView> run(Viewer viewer, @PathVariable UUID communityId, @RequestBody(required = false) Run b) {
        return settlements.run(viewer, communityId, b == null ? null : b.merchantId()).stream().map(s -> SettlementView.of(s, null)).toList();
    }

    @GetMapping("/settlements")
    List<SettlementView> settlements(Viewer viewer, @PathVariable UUID communityId) {
        return settlements.list(viewer, communityId).stream().map(s -> SettlementView.of(s, null)).toList();
    }

    /** One statement with its lines: each order settled and each refund taken from it. */
    @GetMapping("/settlements/{settlementId}")
    SettlementView settlement(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID settlementId) {
        Settlements.Detail d = settlements.get(viewer, communityId, settlementId);
        return SettlementView.of(d.settlement(), d.lines());
    }

    @PostMapping("/subsidy-claims")
    org.springframework.http.ResponseEntity<SettlementStore.Claim> claim(Viewer viewer, @PathVariable UUID communityId, @Valid @RequestBody ClaimPeriod b) {
        return ResponseEntity.status(201).body(claims.claim(viewer, communityId, b.from(), b.through()));
    }

    @GetMapping("/subsidy-claims")
    List<SettlementStore.Claim> claims(Viewer viewer, @PathVariable UUID communityId) {
        return claims.list(viewer, communityId);
    }

    /** A claim with each order as its evidence: served when, to whom (masked), of what age and who checked it, the subsidy. */
    @GetMapping("/subsidy-claims/{claimId}")
    ClaimView claim(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID claimId) {
        SubsidyClaims.Detail d = claims.get(viewer, communityId, claimId);
        return new ClaimView(d.claim(), d.orders());
    }

    /** The same evidence for a spreadsheet: UTF-8 with a byte-order mark, so Excel reads the Chinese; amounts in yuan. */
    @GetMapping(value = "/subsidy-claims/{claimId}/evidence.csv", produces = "text/csv")
    ResponseEntity<byte[]> evidence(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID claimId) {
        SubsidyClaims.Detail d = claims.get(viewer, communityId, claimId);
        StringBuilder csv = new StringBuilder("\uFEFF订单号,服务日期,类别,服务项目,商户,份数,服务对象,年龄,核验人,订单金额(元),补贴(元),自付(元),付款时间,服务完成时间\r\n");
        for (SettlementStore.Evidence e : d.orders()) {
            csv.append(String.join(",", e.number(), e.serviceDate().toString(), e.kind(), cell(e.offering()), cell(e.merchant()),
                    Integer.toString(e.quantity()), cell(e.buyerName()), Integer.toString(e.age()), cell(e.ageVerifiedBy()),
                    yuan(e.grossFen()), yuan(e.subsidyFen()),
                    yuan(e.payerFen()), e.paidAt().toString(), e.fulfilledAt().toString())).append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + d.claim().number() + ".csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String yuan(long fen) {
        return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** A cell a spreadsheet shows as text: quoted, and never read as a formula (a leading =, +, - or @). */
    private static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
