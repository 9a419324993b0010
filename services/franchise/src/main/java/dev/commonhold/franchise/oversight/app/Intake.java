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
import java.util.Optional;
import java.util.UUID;

/**
 * What franchise learns from the ledger, inside each event's inbox transaction: billing's settled lines of a
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

    public void settled(UUID settlementId, UUID communityId, String revenueClass, UUID chargeId, long amountFen, Instant settledAt) {
        if (shares.agreementOf(chargeId).isPresent()) {
            shares.paid(settlementId, chargeId, amountFen, settledAt);
            return;
        }
        if (AgreementTerms.COUNTABLE.contains(revenueClass)) { // kept covered or not: an agreement recorded later counts it from its term's start
            int year = LocalDate.ofInstant(settledAt, zone(communityId)).getYear();
            revenue.addRevenue(settlementId, communityId, revenueClass, chargeId, amountFen, settledAt, year);
        }
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
