package dev.commonhold.franchise.agreements.app;

import dev.commonhold.franchise.agreements.domain.Agreement;

import java.time.Instant;

/** Publishes an agreement version's tariff caps to each covered community (franchise.tariff-caps-set.v1): parking and leasing refuse prices above them. */
public interface TariffCapEvents {

    void capsSet(Agreement agreement, Instant at);
}
