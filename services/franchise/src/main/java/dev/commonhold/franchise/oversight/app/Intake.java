package dev.commonhold.franchise.oversight.app;

import dev.commonhold.franchise.agreements.app.AgreementStore;
import dev.commonhold.franchise.agreements.domain.Agreement;
import dev.commonhold.franchise.agreements.domain.AgreementTerms;
import dev.commonhold.franchise.oversight.domain.Overcharge;
import dev.commonhold.franchise.register.CommunityCopy;
import dev.commonhold.franchise.register.Register;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What franchise learns from the ledger, inside the inbox transaction of the events it comes in: billing's settled lines of a
 * covered class (the franchise's revenue, counted once per settlement) or of a share charge (the share paid);
 * the covered services' charges, each checked against the caps in force on its last day served (FR2) — a
 * charge above a cap that still happened is kept as the evidence of a finding.
 */
@Service
public class Intake {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AgreementStore agreements;
    private final RevenueStore revenue;
    private final ShareStore shares;
    private final Register register;

    Intake(AgreementStore agreements, RevenueStore revenue, ShareStore shares, Register register) {
        this.agreements = agreements;
        this.revenue = revenue;
        this.shares = shares;
        this.register = register;
    }

    /** A line billing settled (billing.payment-settled.v1). */
    public record Settled(UUID settlementId, UUID communityId, String revenueClass, UUID chargeId, long amountFen, Instant settledAt) {
    }

    /**
     * Settled lines, a poll's worth at a time: a share charge's payment is the share paid; a line of a class a franchise may
     * count is kept, covered or not (an agreement recorded later counts it from its term's start), in its community's year.
     */
    public void settledAll(List<Settled> lines) {
        Map<UUID, UUID> shareCharges = shares.agreementsOf(lines.stream().map(Settled::chargeId).collect(Collectors.toSet()));
        Map<UUID, ZoneId> zones = new HashMap<>();
        List<RevenueStore.RevenueLine> revenueLines = new ArrayList<>();
        for (Settled s : lines) {
            if (shareCharges.containsKey(s.chargeId())) {
                shares.paid(s.settlementId(), s.chargeId(), s.amountFen(), s.settledAt());
            } else if (AgreementTerms.COUNTABLE.contains(s.revenueClass())) {
                int year = LocalDate.ofInstant(s.settledAt(), zones.computeIfAbsent(s.communityId(), this::zone)).getYear();
                revenueLines.add(new RevenueStore.RevenueLine(s.settlementId(), s.communityId(), s.revenueClass(), s.chargeId(), s.amountFen(),
                        s.settledAt(), year));
            }
        }
        revenue.addRevenue(revenueLines);
    }

    public void reversed(UUID settlementId, Instant at) {
        revenue.reverseRevenue(settlementId, at);
        shares.reversed(settlementId, at);
    }

    /**
     * @param servedFrom the charge's periodStart, or its due day when it has none
     * @param servedTo   the charge's periodEnd, or its due day
     */
    public void raised(UUID chargeId, UUID communityId, String revenueClass, long amountFen, LocalDate servedFrom, LocalDate servedTo,
                       String sourceReference) {
        if (!AgreementTerms.COUNTABLE.contains(revenueClass)) {
            return;
        }
        Optional<UUID> covering = agreements.covering(communityId, revenueClass);
        if (covering.isEmpty()) { // kept unchecked: an agreement recorded later checks it (Recheck)
            revenue.observe(chargeId, null, communityId, revenueClass, amountFen, servedFrom, servedTo, sourceReference, null);
            return;
        }
        Agreement agreement = agreements.inForce(covering.get(), servedTo).orElseThrow();
        Overcharge over = Overcharge.check(agreement, chargeId.toString(), revenueClass, sourceReference, servedFrom, servedTo, amountFen).orElse(null);
        if (over != null) {
            log.warn("charge {} ({}) of {} fen is above the approved cap of {} fen ({}): a finding", chargeId, sourceReference, amountFen,
                    over.mostFen(), over.capReference());
        }
        revenue.observe(chargeId, covering.get(), communityId, revenueClass, amountFen, servedFrom, servedTo, sourceReference, over);
    }

    public void cancelled(UUID chargeId) {
        revenue.cancel(chargeId);
    }

    private ZoneId zone(UUID communityId) {
        return register.community(communityId).map(CommunityCopy::zone).orElse(CHINA);
    }
}
