package dev.commonhold.franchise.oversight.app;

import dev.commonhold.franchise.agreements.domain.Agreement;

import java.time.Instant;

/** Publishes a share charge through billing (franchise.charge-raised.v1, the shared charge payload). */
public interface ShareCharges {

    void raise(ShareStore.ShareCharge charge, Agreement agreement, Instant at);
}
