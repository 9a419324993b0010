package dev.commonhold.franchise.oversight.export;

import dev.commonhold.franchise.agreements.domain.Agreement;
import dev.commonhold.franchise.agreements.domain.AgreementTerms;
import dev.commonhold.franchise.agreements.domain.Kpi;
import dev.commonhold.franchise.agreements.domain.TariffCap;
import dev.commonhold.franchise.oversight.domain.Finding;
import dev.commonhold.franchise.oversight.domain.OperatorReport;
import dev.commonhold.franchise.oversight.domain.YearReview;
import dev.commonhold.platform.messaging.EventJson;
import dev.commonhold.platform.money.Money;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One agreement's year as an OCDS release in the Public Private Partnerships profile: the approved caps as
 * {@code contracts.tariffs}, the revenue the ledger settled per class as {@code implementation.charges}
 * (paid by users), the revenue, the share owed and paid, the return (IRR) and demand as
 * {@code implementation.metrics}, each finding as a {@code performanceFailure}, and the investment tranches
 * as {@code milestones}. Amounts in yuan (OCDS values are decimal amounts), dates at Beijing time.
 */
public final class OcdsExport {

    /** The OCID prefix Commonhold publishes under (a registered prefix replaces it in production). */
    public static final String OCID_PREFIX = "ocds-chfr01-";
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private OcdsExport() {
    }

    /** @param settledPayments the year's settled payments of the covered services: the demand metric */
    public static JsonNode release(Agreement agreement, YearReview review, long settledPayments, List<OperatorReport> reports, Instant now) {
        AgreementTerms t = agreement.terms();
        String id = agreement.id().toString();
        Map<String, Object> operator = party("operator", t.operatorName(), "CN-USCC", t.operatorCreditCode(), List.of("supplier", "payee"));
        Map<String, Object> authority = party("authority-" + t.jurisdiction(), "行政区划 " + t.jurisdiction() + " 特许经营实施机构", "CN-ADMIN-DIVISION",
                t.jurisdiction(), List.of("buyer", "procuringEntity"));

        Map<String, Object> contract = new LinkedHashMap<>();
        contract.put("id", id);
        contract.put("awardID", id);
        contract.put("title", t.title());
        contract.put("description", "版本 %d，自 %s 起生效。移交条件：%s".formatted(agreement.version(), agreement.effectiveFrom(), t.handBack()));
        contract.put("status", "active");
        contract.put("period", period(t.term().startsOn(), t.term().endsOn()));
        contract.put("tariffs", java.util.stream.IntStream.range(0, t.tariffCaps().size()).mapToObj(i -> tariff(i, t.tariffCaps().get(i))).toList());
        contract.put("agreedMetrics", t.kpis().stream().map(OcdsExport::agreedMetric).toList());
        contract.put("milestones", t.investment().stream().map(i -> milestone(i, review)).toList());
        contract.put("implementation", implementation(review, settledPayments, t, reports));

        Map<String, Object> award = new LinkedHashMap<>();
        award.put("id", id);
        award.put("title", t.title());
        award.put("status", "active");
        award.put("suppliers", List.of(Map.of("id", "operator", "name", t.operatorName())));
        award.put("contractPeriod", period(t.term().startsOn(), t.term().endsOn()));

        Map<String, Object> release = new LinkedHashMap<>();
        release.put("ocid", OCID_PREFIX + id);
        release.put("id", id + "-" + review.year() + "-v" + agreement.version());
        release.put("date", now.atOffset(BEIJING).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        release.put("tag", List.of("implementation"));
        release.put("initiationType", "tender");
        release.put("language", "zh");
        release.put("parties", List.of(operator, authority));
        release.put("buyer", Map.of("id", authority.get("id"), "name", authority.get("name")));
        release.put("awards", List.of(award));
        release.put("contracts", List.of(contract));
        return EventJson.toTree(withoutEmpty(release));
    }

    /**
     * OCDS leaves out what there is none of: its arrays (charges, performanceFailures, milestones…) have at least
     * one item when present, so a year without revenue or findings has no such key rather than an empty list.
     */
    @SuppressWarnings("unchecked")
    private static Object withoutEmpty(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> kept = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((key, v) -> {
                Object pruned = withoutEmpty(v);
                if (pruned != null && !(pruned instanceof List<?> list && list.isEmpty())) {
                    kept.put(key, pruned);
                }
            });
            return kept;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(OcdsExport::withoutEmpty).toList();
        }
        return value;
    }

    private static Map<String, Object> implementation(YearReview review, long settledPayments, AgreementTerms t, List<OperatorReport> reports) {
        Map<String, Object> year = period(LocalDate.of(review.year(), 1, 1), review.closed() ? LocalDate.of(review.year(), 12, 31) : review.asOf());
        List<Map<String, Object>> charges = review.ledgerRevenueFen().entrySet().stream().map(e -> {
            Map<String, Object> charge = new LinkedHashMap<>();
            charge.put("id", e.getKey() + "-" + review.year());
            charge.put("title", e.getKey());
            charge.put("paidBy", "user");
            charge.put("period", year);
            charge.put("actualValue", value(e.getValue()));
            return charge;
        }).toList();
        List<Map<String, Object>> metrics = new ArrayList<>();
        metrics.add(metric("demand", "使用量（已结算的缴费笔数）", year, null, settledPayments));
        metrics.add(metric("revenue", "营业收入（账本结算）", year, value(review.grossFen()), null));
        if (review.reportedRevenueFen() != null) {
            metrics.add(metric("reportedRevenue", "营业收入（运营方申报）", year, value(review.reportedRevenueFen()), null));
        }
        metrics.add(metric("revenueShareOwed", "应付收益分成（含保底、超额收益分享与违约金）", year, value(review.obligationFen()), null));
        metrics.add(metric("revenueSharePaid", "已付收益分成", year, value(review.paidFen()), null));
        metrics.add(metric("irr", "项目内部收益率（至今）", year, null, review.returnToDate() == null ? null : round(review.returnToDate())));
        if (review.kpiScoreBasisPoints() != null) {
            metrics.add(metric("serviceScore", "服务标准得分（满分100）", year, null, review.kpiScoreBasisPoints() / 100.0));
        }
        reports.stream().filter(r -> r.year() == review.year()).findFirst().ifPresent(r ->
                t.kpis().stream().filter(k -> r.kpiActuals().containsKey(k.code())).forEach(k ->
                        metrics.add(metric(k.code(), k.name(), year, null, r.kpiActuals().get(k.code())))));
        List<Map<String, Object>> failures = new ArrayList<>();
        List<Finding> findings = review.findings();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("id", "finding-" + (i + 1));
            failure.put("period", year);
            failure.put("category", f.severity().name().toLowerCase() + ": " + f.code() + " (" + f.clause() + ") " + f.summary());
            failure.put("events", 1);
            Object penalty = f.evidence().get("penaltyFen");
            if (penalty instanceof Long fen && fen > 0) {
                failure.put("penaltyContracted", Money.yuan(fen) + " CNY");
            }
            failures.add(failure);
        }
        Map<String, Object> implementation = new LinkedHashMap<>();
        implementation.put("charges", charges);
        implementation.put("metrics", metrics);
        implementation.put("performanceFailures", failures);
        return implementation;
    }

    private static Map<String, Object> tariff(int index, TariffCap c) {
        Map<String, Object> tariff = new LinkedHashMap<>();
        tariff.put("id", "tariffCaps-" + index); // the clause a finding cites (tariffCaps[i])
        tariff.put("title", c.revenueClass() + " 收费上限");
        tariff.put("paidBy", "user");
        tariff.put("period", period(c.validFrom(), c.validTo()));
        tariff.put("value", value(c.capFen()));
        tariff.put("unit", Map.of("name", switch (c.unit()) {
            case HOUR -> "小时";
            case DAY -> "日";
            case MONTH -> "月";
            case M2_MONTH -> "平方米·月";
        }));
        tariff.put("notes", "批复文号：" + c.reference() + "（上限价，FR2）");
        return tariff;
    }

    private static Map<String, Object> agreedMetric(Kpi k) {
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("id", k.code());
        metric.put("title", k.name());
        metric.put("description", "目标 %d（%s），权重 %d，未达标违约金 %s 元".formatted(k.target(), k.higherIsBetter() ? "不低于" : "不高于", k.weight(),
                Money.yuan(k.penaltyFen())));
        metric.put("observations", List.of(Map.of("id", k.code() + "-target", "measure", k.target())));
        return metric;
    }

    private static Map<String, Object> milestone(dev.commonhold.franchise.agreements.domain.InvestmentTranche tranche, YearReview review) {
        Map<String, Object> milestone = new LinkedHashMap<>();
        milestone.put("id", "investment-" + tranche.dueOn());
        milestone.put("title", tranche.purpose() == null ? "投资承诺" : tranche.purpose());
        milestone.put("type", "financing");
        milestone.put("description", "承诺投资 " + Money.yuan(tranche.amountFen()) + " 元");
        milestone.put("dueDate", stamp(tranche.dueOn().atStartOfDay()));
        boolean due = !tranche.dueOn().isAfter(review.asOf());
        milestone.put("status", !due ? "scheduled" : review.capitalFen() >= review.investmentDueFen() ? "met" : "notMet");
        return milestone;
    }

    private static Map<String, Object> metric(String id, String title, Map<String, Object> period, Map<String, Object> value, Object measure) {
        Map<String, Object> observation = new LinkedHashMap<>();
        observation.put("id", id + "-" + ((String) period.get("startDate")).substring(0, 4));
        observation.put("period", period);
        if (value != null) {
            observation.put("value", value);
        }
        if (measure != null) {
            observation.put("measure", measure);
        }
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("id", id);
        metric.put("title", title);
        metric.put("observations", List.of(observation));
        return metric;
    }

    private static Map<String, Object> party(String id, String name, String scheme, String identifier, List<String> roles) {
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("id", id);
        party.put("name", name);
        party.put("identifier", Map.of("scheme", scheme, "id", identifier, "legalName", name));
        party.put("roles", roles);
        return party;
    }

    private static Map<String, Object> period(LocalDate start, LocalDate end) {
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("startDate", stamp(start.atStartOfDay()));
        if (end != null) {
            period.put("endDate", stamp(end.atTime(23, 59, 59)));
        }
        return period;
    }

    private static Map<String, Object> value(long fen) {
        return Map.of("amount", BigDecimal.valueOf(fen, 2), "currency", "CNY");
    }

    private static double round(double rate) {
        return Math.round(rate * 1_000_000) / 1_000_000.0;
    }

    /** RFC 3339 with seconds, as OCDS' date-time format asks (OffsetDateTime.toString drops zero seconds). */
    private static String stamp(java.time.LocalDateTime at) {
        return at.atOffset(BEIJING).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
