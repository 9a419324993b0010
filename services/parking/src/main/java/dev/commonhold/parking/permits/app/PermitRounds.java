package dev.commonhold.parking.permits.app;

import dev.commonhold.parking.lots.app.Lots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every hour, places freed by permits lapsed past their grace go to the waiting lists (K2): a
 * place never stays empty for a day while someone waits.
 */
@Component
class PermitRounds {

    private static final Logger log = LoggerFactory.getLogger(PermitRounds.class);

    private final PermitStore store;
    private final Permits permits;
    private final Lots lots;

    PermitRounds(PermitStore store, Permits permits, Lots lots) {
        this.store = store;
        this.permits = permits;
        this.lots = lots;
    }

    @Scheduled(initialDelayString = "${parking.permit-rounds.initial-delay:5m}", fixedDelayString = "${parking.permit-rounds.every:1h}")
    void offerFreedPlaces() {
        for (PermitStore.LotRef lot : store.lotsWithWaiting()) {
            int issued = permits.allocate(lots.lot(lot.communityId(), lot.lotId()));
            if (issued > 0) {
                log.info("{} permits issued from the waiting list of lot {}", issued, lot.lotId());
            }
        }
    }
}
