package dev.commonhold.franchise.agreements.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a franchise or operating-rights agreement (特许经营协议) states, as data.
 *
 * <p>FR5: its scope (communities, assets, the revenue classes it counts), the term (FR1), the investment
 * commitment, the tariff caps (FR2), the revenue share, the return cap (FR3, optional), the service
 * standards, the reporting (FR4: the operator reports at least yearly, government evaluates at least every
 * two years) and hand-back at the end. Each missing one is refused naming the field.
 *
 * @param operatorCreditCode   the operator's unified social credit code (18 characters, check character verified)
 * @param jurisdiction         administrative division code of the regulator overseeing it (6 digits)
 * @param coveredClasses       the revenue classes counted as the franchise's revenue (parking_operator, lease_operator_space…)
 * @param reportEveryMonths    how often the operator reports, 1–12 (FR4)
 * @param evaluateEveryMonths  how often government evaluates, 1–24 (FR4)
 */
public record AgreementTerms(String title, String operatorName, String operatorCreditCode, String jurisdiction, List<UUID> communities,
                             List<Asset> assets, Set<String> coveredClasses, Term term, List<TariffCap> tariffCaps, RevenueShare revenueShare,
                             ReturnCap returnCap, List<InvestmentTranche> investment, List<Kpi> kpis, int reportEveryMonths,
                             int evaluateEveryMonths, String handBack) {

    public AgreementTerms {
        communities = Fen.copy("communities", communities);
        assets = Fen.copy("assets", assets);
        coveredClasses = coveredClasses == null ? Set.of() : java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(
                coveredClasses.stream().filter(java.util.Objects::nonNull).toList()));
        tariffCaps = Fen.copy("tariffCaps", tariffCaps);
        investment = Fen.copy("investment", investment);
        kpis = Fen.copy("kpis", kpis);
        require(title != null && !title.isBlank() && title.length() <= 200, "title", "is required, at most 200 characters");
        require(operatorName != null && !operatorName.isBlank() && operatorName.length() <= 200, "operatorName", "is required, at most 200 characters");
        require(dev.commonhold.platform.ids.CreditCode.valid(operatorCreditCode), "operatorCreditCode",
                "must be an 18-character unified social credit code with a correct check character");
        require(jurisdiction != null && jurisdiction.matches("\\d{6}"), "jurisdiction", "the regulator's 6-digit division code");
        require(!communities.isEmpty() && communities.size() <= 1_000, "communities", "the agreement covers 1 to 1000 communities (FR5: scope)");
        require(new HashSet<>(communities).size() == communities.size(), "communities", "a community appears twice");
        require(!assets.isEmpty(), "assets", "name the assets the rights cover (FR5: scope)");
        require(!coveredClasses.isEmpty(), "coveredClasses", "name the revenue classes counted as the franchise's revenue (FR5: scope)");
        for (String c : coveredClasses) {
            require(COUNTABLE.contains(c), "coveredClasses", "'" + c + "' is not revenue a franchise earns; one of " + COUNTABLE);
        }
        require(term != null, "term", "is required (FR1, FR5)");
        require(!tariffCaps.isEmpty(), "tariffCaps", "every covered service has an approved tariff cap (FR2, FR5)");
        require(revenueShare != null, "revenueShare", "is required (FR5)");
        require(!investment.isEmpty(), "investment", "state the investment commitment (FR5)");
        require(!kpis.isEmpty(), "kpis", "state the service standards (FR5)");
        require(reportEveryMonths >= 1 && reportEveryMonths <= 12, "reportEveryMonths", "the operator reports at least yearly: 1 to 12 (FR4)");
        require(evaluateEveryMonths >= 1 && evaluateEveryMonths <= 24, "evaluateEveryMonths", "government evaluates at least every two years: 1 to 24 (FR4)");
        require(handBack != null && !handBack.isBlank(), "handBack", "state the hand-back conditions (FR5)");
        for (int i = 0; i < tariffCaps.size(); i++) {
            require(coveredClasses.contains(tariffCaps.get(i).revenueClass()), "tariffCaps[" + i + "].revenueClass", "is not one of the coveredClasses");
            for (int j = 0; j < i; j++) {
                require(!tariffCaps.get(j).overlaps(tariffCaps.get(i)), "tariffCaps[" + i + "]", "the same service and unit as tariffCaps[" + j
                        + "] for some of the same days: a service has one approved cap per unit at a time (end the first with validTo)");
            }
        }
        for (int i = 0; i < investment.size(); i++) {
            require(term.covers(investment.get(i).dueOn()), "investment[" + i + "].dueOn", "falls outside the term (" + term.startsOn() + " to "
                    + term.endsOn() + ")");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < kpis.size(); i++) {
            require(codes.add(kpis.get(i).code()), "kpis[" + i + "].code", "appears twice");
        }
    }

    /**
     * The revenue classes (contracts/events/shared/revenue-class.v1) a franchise may count: what its services earn.
     * Not deposits, maintenance-fund money, merchants' proceeds, late fees (they follow their base class) or the
     * share itself.
     */
    public static final Set<String> COUNTABLE = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(List.of("property_fee",
            "parking_common", "parking_operator", "lease_common_part", "advertising_common", "lease_operator_space", "lease_public_space",
            "commerce_commission", "commerce_operator_commission")));

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new InvalidTerms(field, message);
        }
    }

    /** The caps for a class in force on a day. */
    public List<TariffCap> capsFor(String revenueClass, LocalDate day) {
        return tariffCaps.stream().filter(c -> c.revenueClass().equals(revenueClass) && c.inForceOn(day)).toList();
    }

    /** The investment committed by a day (tranches due on or before it), in fen. */
    public long investmentDueBy(LocalDate day) {
        return investment.stream().filter(t -> !t.dueOn().isAfter(day)).mapToLong(InvestmentTranche::amountFen).sum();
    }
}
