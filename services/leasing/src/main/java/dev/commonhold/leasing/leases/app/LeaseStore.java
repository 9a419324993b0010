package dev.commonhold.leasing.leases.app;

import dev.commonhold.leasing.leases.domain.DepositStatement;
import dev.commonhold.leasing.leases.domain.Lease;
import dev.commonhold.leasing.leases.domain.RentSchedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where leases, their rent schedules and how they ended are kept. */
public interface LeaseStore {

    /** A billing cycle of a lease and the charge raised for it, if any. */
    record ScheduledPeriod(UUID leaseId, int seq, LocalDate start, LocalDate end, LocalDate dueOn, long amountFen, UUID chargeId) {
    }

    /** How a lease ended (lease_end). */
    record Ended(UUID leaseId, LocalDate lastDay, Lease.Ending ending, String reason, long penaltyFen, DepositStatement deposit, String recordedBy,
                 Instant recordedAt) {
    }

    /** ZL-2026-0001, the next of the community's year. */
    String nextNumber(UUID communityId, int year);

    void insert(Lease lease, List<RentSchedule.Period> periods);

    Optional<Lease> find(UUID communityId, UUID leaseId);

    /** The lease, locked until the transaction ends. */
    Optional<Lease> lock(UUID leaseId);

    List<Lease> list(UUID communityId);

    List<Lease> byLogin(String login);

    /** Active or waiting leases of any of the spaces whose days overlap [start, end], except {@code except}. */
    List<Lease> overlapping(Collection<UUID> spaceIds, LocalDate start, LocalDate end, UUID except);

    List<Lease> awaiting(UUID resolutionId);

    Optional<Lease> renewalOf(UUID leaseId);

    void setStatus(UUID leaseId, Lease.Status status, LocalDate endedOn, String reason);

    List<ScheduledPeriod> periods(UUID leaseId);

    void periodRaised(UUID leaseId, int seq, UUID chargeId);

    /** Periods of active leases due on or before {@code leadDays} days after each community's today, not raised yet, oldest first. */
    List<ScheduledPeriod> dueToRaise(Instant now, int leadDays, int limit);

    /** Active leases whose last day is before their community's today. */
    List<UUID> expired(Instant now, int limit);

    void recordEnd(Ended ended);

    Optional<Ended> end(UUID leaseId);
}
