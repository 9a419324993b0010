package dev.commonhold.fund.accounts.web;

import dev.commonhold.fund.accounts.app.AccountQueries;
import dev.commonhold.fund.accounts.app.SubAccounts;
import dev.commonhold.platform.security.Viewer;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.commonhold.platform.documents.CsvCells;
import dev.commonhold.platform.documents.PdfWriter;
import dev.commonhold.platform.money.Money;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The funds of a district or a city at once, for the housing bureau (F8): totals per community and in all, no owner by name. */
@RestController
@Tag(name = "Regions")
@RequestMapping("/api/fund/regions/{divisionPrefix}")
class RegionController {

    /** fen; {@code owedToOwnersFen} the ledger's figure beside the sum of the sub-accounts */
    record RegionView(String divisionPrefix, int communities, int subAccounts, long balanceFen, int belowTopUpLine, long paidToContractorsFen,
                      List<SubAccounts.CommunityTotals> byCommunity) {
    }

    private final AccountQueries queries;

    RegionController(AccountQueries queries) {
        this.queries = queries;
    }

    @GetMapping(path = "/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    RegionView regionSummary(Viewer viewer, @PathVariable String divisionPrefix) {
        List<SubAccounts.CommunityTotals> all = queries.region(viewer, divisionPrefix);
        return new RegionView(divisionPrefix, all.size(), all.stream().mapToInt(SubAccounts.CommunityTotals::subAccounts).sum(),
                all.stream().mapToLong(SubAccounts.CommunityTotals::balanceFen).sum(),
                all.stream().mapToInt(SubAccounts.CommunityTotals::belowTopUpLine).sum(),
                all.stream().mapToLong(SubAccounts.CommunityTotals::paidToContractorsFen).sum(), all);
    }

    /** The same as {@code format=csv} (UTF-8 with BOM) or {@code format=pdf} (A4, Chinese), for the bureau's files. */
    @GetMapping(path = "/summary", params = "format")
    ResponseEntity<byte[]> regionSummaryDocument(Viewer viewer, @PathVariable String divisionPrefix, @RequestParam String format) {
        RegionView region = regionSummary(viewer, divisionPrefix);
        String name = "维修资金汇总-" + divisionPrefix;
        byte[] body = switch (format) {
            case "csv" -> csv(region);
            case "pdf" -> pdf(region);
            default -> throw dev.commonhold.platform.web.problem.ProblemException.invalid("format", "csv or pdf (or leave it out for JSON)");
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.equals("csv") ? "text/csv;charset=UTF-8" : MediaType.APPLICATION_PDF_VALUE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + "." + format, StandardCharsets.UTF_8).build()
                        .toString()).body(body);
    }

    private static byte[] csv(RegionView region) {
        StringBuilder csv = new StringBuilder("\uFEFF区划 division,小区 community,分户账 sub-accounts,余额（元）balance,低于30% below 30%,项目 projects,"
                + "已付施工单位（元）paid to contractors\r\n");
        for (SubAccounts.CommunityTotals c : region.byCommunity()) {
            csv.append(c.divisionCode()).append(',').append(CsvCells.text(c.name())).append(',').append(c.subAccounts()).append(',')
                    .append(Money.yuan(c.balanceFen()).replace(",", "")).append(',').append(c.belowTopUpLine()).append(',').append(c.projects()).append(',')
                    .append(Money.yuan(c.paidToContractorsFen()).replace(",", "")).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] pdf(RegionView region) {
        try (PdfWriter pdf = new PdfWriter(PDRectangle.A4)) {
            float right = -pdf.width();
            pdf.centred("住宅专项维修资金汇总（区划 " + region.divisionPrefix() + "）", 15);
            pdf.row(10, "小区 " + region.communities() + " 个，分户账 " + region.subAccounts() + " 户，低于首期30%的 " + region.belowTopUpLine() + " 户", 0,
                    "单位：元", right);
            pdf.row(10, "余额合计 " + Money.yuan(region.balanceFen()), 0, "已付施工单位合计 " + Money.yuan(region.paidToContractorsFen()), right);
            pdf.rule();
            pdf.row(8, "区划", 0, "小区", 50, "分户账", -260, "余额", -350, "低于30%", -400, "已付施工单位", right);
            pdf.rule();
            for (SubAccounts.CommunityTotals c : region.byCommunity()) {
                pdf.row(8, c.divisionCode(), 0, pdf.fit(c.name(), 8, 160), 50, c.subAccounts(), -260, Money.yuan(c.balanceFen()), -350,
                        c.belowTopUpLine(), -400, Money.yuan(c.paidToContractorsFen()), right);
            }
            return pdf.toBytes();
        }
    }
}
