package dev.commonhold.fund.interest.app;

import dev.commonhold.fund.interest.domain.InterestPeriod;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: interest allocations, one per community and period. */
public interface Allocations {

    enum Status { RUNNING, DONE, FAILED }

    record Allocation(UUID id, UUID communityId, InterestPeriod period, String bankReference, Status status, Long allocatedFen,
                      Integer subAccounts, String detail, Instant requestedAt, Instant finishedAt) {
    }

    /** @return false if an allocation of this period exists already (the first one stands) */
    boolean start(Allocation allocation, String requestedBy);

    Optional<Allocation> find(UUID communityId, UUID id);

    Optional<Allocation> ofPeriod(UUID communityId, InterestPeriod period);

    /** An allocation (not failed) whose period overlaps this one, other than this exact period. */
    Optional<Allocation> overlapping(UUID communityId, InterestPeriod period);

    List<Allocation> list(UUID communityId);

    void finished(UUID id, Status status, Long allocatedFen, Integer subAccounts, String detail, Instant at);

    /**
     * A community's share of a region's allocation, written done in the transaction that credits it:
     * the community's period is then taken, as if it had been asked for the community alone.
     */
    void share(UUID regionAllocationId, UUID communityId, InterestPeriod period, String bankReference, long allocatedFen, int subAccounts,
               String requestedBy, Instant at);

    /** Those a restart interrupted: failed, to be requested again. */
    int failInterrupted(Instant at);
}
