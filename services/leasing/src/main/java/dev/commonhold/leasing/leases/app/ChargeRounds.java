package dev.commonhold.leasing.leases.app;

import dev.commonhold.leasing.leases.domain.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The rent round: raises each cycle {@code chargeLeadDays} before it is due (paid in advance) and
 * ends leases whose term ran out. Each lease in its own short transaction, so one bad lease never
 * holds the rest; charge ids are derived from the cycle, so a round run twice raises nothing twice.
 */
@Component
public class ChargeRounds {

    private static final Logger log = LoggerFactory.getLogger(ChargeRounds.class);
    private static final int BATCH = 500;

    private final LeaseStore leases;
    private final RentCharges rentCharges;
    private final Endings endings;
    private final LeasingProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ChargeRounds(LeaseStore leases, RentCharges rentCharges, Endings endings, LeasingProperties properties, TransactionTemplate transactions,
                 Clock clock) {
        this.leases = leases;
        this.rentCharges = rentCharges;
        this.endings = endings;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${leasing.rounds.first:PT20S}", fixedDelayString = "${leasing.rounds.every:PT1H}")
    public void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("the rent round stopped and runs again at the next interval", e);
        }
    }

    /** @return how many cycles were raised and leases ended */
    public int[] run() {
        Instant now = clock.instant();
        int raised = 0;
        List<LeaseStore.ScheduledPeriod> due;
        do {
            due = leases.dueToRaise(now, properties.chargeLeadDays(), BATCH);
            for (LeaseStore.ScheduledPeriod p : due) {
                transactions.executeWithoutResult(tx -> leases.lock(p.leaseId()).filter(l -> l.status() == Lease.Status.ACTIVE)
                        .ifPresent(l -> leases.periods(l.id()).stream().filter(q -> q.seq() == p.seq() && q.chargeId() == null)
                                .forEach(q -> rentCharges.raisePeriod(l, q, q.amountFen(), null, now))));
                raised++;
            }
        } while (due.size() == BATCH);
        int ended = 0;
        for (UUID leaseId : leases.expired(now, 10_000)) {
            endings.expire(leaseId);
            ended++;
        }
        if (raised + ended > 0) {
            log.info("rent round: {} cycle(s) raised, {} lease(s) ended", raised, ended);
        }
        return new int[]{raised, ended};
    }
}
