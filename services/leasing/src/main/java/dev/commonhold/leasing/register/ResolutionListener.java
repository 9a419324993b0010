package dev.commonhold.leasing.register;

import dev.commonhold.leasing.leases.domain.LeasingVote;

import java.time.Instant;

/** Told, inside the inbox transaction, of each owners' resolution the first time it is decided. */
public interface ResolutionListener {

    void decided(LeasingVote.Resolution resolution, Instant decidedAt);
}
