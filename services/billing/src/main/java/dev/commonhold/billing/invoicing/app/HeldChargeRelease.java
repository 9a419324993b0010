package dev.commonhold.billing.invoicing.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Charges held because their unit or community was not yet in billing's copy of the register are
 * tried again every minute; each one that now has its payer becomes an invoice line, once.
 */
@Component
public class HeldChargeRelease {

    private static final Logger log = LoggerFactory.getLogger(HeldChargeRelease.class);

    private final HeldCharges held;
    private final ChargeIntake intake;
    private final TransactionTemplate transaction;

    HeldChargeRelease(HeldCharges held, ChargeIntake intake, TransactionTemplate transaction) {
        this.held = held;
        this.intake = intake;
        this.transaction = transaction;
    }

    @Scheduled(fixedDelayString = "${billing.held-charges.retry-every:PT1M}", initialDelayString = "${billing.held-charges.retry-every:PT1M}")
    public void retry() {
        int released = 0;
        for (HeldCharges.Held charge : held.waiting(500)) {
            Boolean done = transaction.execute(s -> intake.release(charge));
            released += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        if (released > 0) {
            log.info("{} held charge(s) found their payer and were invoiced", released);
        }
    }
}
