package dev.commonhold.fund.interest.app;

import dev.commonhold.fund.interest.domain.InterestPeriod;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: interest allocations over a region (a division code prefix), one per region and period. */
public interface RegionAllocations {

    /** @param allocatedFen fen, once done */
    record RegionAllocation(UUID id, String divisionPrefix, InterestPeriod period, String bankReference, Allocations.Status status,
                            Long allocatedFen, Integer communities, Integer subAccounts, String detail, Instant requestedAt, Instant finishedAt) {
    }

    /** @return false if an allocation of this region and period exists already (the first one stands) */
    boolean start(RegionAllocation allocation, String requestedBy);

    Optional<RegionAllocation> find(String divisionPrefix, UUID id);

    Optional<RegionAllocation> ofPeriod(String divisionPrefix, InterestPeriod period);

    /**
     * An allocation (not failed) of this region, a region inside it or one containing it, whose period
     * overlaps this one, other than this region's exact period.
     */
    Optional<RegionAllocation> overlapping(String divisionPrefix, InterestPeriod period);

    /** An allocation (not failed) of a region containing this division code whose period overlaps this one, the same one included. */
    Optional<RegionAllocation> covering(String divisionCode, InterestPeriod period);

    List<RegionAllocation> list(String divisionPrefix);

    void finished(UUID id, Allocations.Status status, Long allocatedFen, Integer communities, Integer subAccounts, String detail, Instant at);

    /** Those a restart interrupted: failed, to be requested again. */
    int failInterrupted(Instant at);
}
