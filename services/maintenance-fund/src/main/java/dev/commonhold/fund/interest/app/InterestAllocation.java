package dev.commonhold.fund.interest.app;

import dev.commonhold.fund.accounts.app.SubAccounts;
import dev.commonhold.fund.accounts.domain.FundRuleViolation;
import dev.commonhold.fund.interest.domain.InterestPeriod;
import dev.commonhold.fund.register.CommunityCopy;
import dev.commonhold.fund.register.FundAccess;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.money.Allocation;
import dev.commonhold.platform.money.Money;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigInteger;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Rule F2: interest for a period credited to every sub-account of a community pro rata to its
 * balance-days, with the platform's largest-remainder split — the parts sum to the amount to the
 * fen; of equal remainders, the sub-account whose unit id sorts first byte by byte (UUIDv7: the earlier registered) gets
 * the odd fen. A job: the operator admin asks, it runs in the background showing its progress, and
 * either every sub-account is credited in one transaction or none is. Once per period: asking
 * again for the same period answers the first allocation.
 */
@Service
public class InterestAllocation implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InterestAllocation.class);

    /** What a running job has done so far, for the caller polling it. */
    public record Progress(String phase, int subAccounts) {
    }

    private final FundAccess access;
    private final Allocations allocations;
    private final RegionAllocations regionAllocations;
    private final SubAccounts subAccounts;
    private final InterestPosting posting;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Map<UUID, Progress> progress = new ConcurrentHashMap<>();
    private final ExecutorService jobs = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("interest-allocation").daemon().factory());
    private volatile boolean running;

    InterestAllocation(FundAccess access, Allocations allocations, RegionAllocations regionAllocations, SubAccounts subAccounts,
                       InterestPosting posting, TransactionTemplate transaction, Clock clock) {
        this.access = access;
        this.allocations = allocations;
        this.regionAllocations = regionAllocations;
        this.subAccounts = subAccounts;
        this.posting = posting;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Starts the allocation of this period, or answers the one already made or running for it. */
    public Allocations.Allocation request(Viewer viewer, UUID communityId, InterestPeriod period, String bankReference) {
        CommunityCopy community = access.adminOf(viewer, communityId);
        String reference = InterestPeriod.bankReference(bankReference);
        period.requireEndedBefore(java.time.LocalDate.now(clock.withZone(community.zone())));
        regionAllocations.covering(community.divisionCode(), period).ifPresent(region -> {
            throw new FundRuleViolation("F2", "from", "the region %s's interest for %s to %s covers this community: each day's interest is allocated once"
                    .formatted(region.divisionPrefix(), region.period().from(), region.period().to()));
        });
        allocations.overlapping(communityId, period).ifPresent(other -> {
            throw new FundRuleViolation("F2", "from", "overlaps the allocation of %s to %s: each day's interest is allocated once"
                    .formatted(other.period().from(), other.period().to()));
        });
        Allocations.Allocation started = new Allocations.Allocation(Ids.newId(), communityId, period, reference,
                Allocations.Status.RUNNING, null, null, null, clock.instant(), null);
        if (!allocations.start(started, viewer.subject())) {
            return allocations.ofPeriod(communityId, period).orElseThrow();
        }
        progress.put(started.id(), new Progress("queued", 0));
        jobs.submit(() -> run(community, started));
        return started;
    }

    public Allocations.Allocation find(Viewer viewer, UUID communityId, UUID id) {
        access.readable(viewer, communityId);
        return allocations.find(communityId, id).orElseThrow(() -> ProblemException.notFound("Interest allocation", id));
    }

    public List<Allocations.Allocation> list(Viewer viewer, UUID communityId) {
        access.readable(viewer, communityId);
        return allocations.list(communityId);
    }

    public Progress progress(UUID id) {
        return progress.get(id);
    }

    private void run(CommunityCopy community, Allocations.Allocation allocation) {
        try {
            long[] result = transaction.execute(s -> allocate(community, allocation));
            allocations.finished(allocation.id(), Allocations.Status.DONE, result[0], (int) result[1], null, clock.instant());
            log.info("interest {} allocated to {} sub-accounts of {}", Money.yuan(result[0]), result[1], community.name());
        } catch (RuntimeException e) {
            log.warn("interest allocation {} failed: {}", allocation.id(), e.getMessage());
            allocations.finished(allocation.id(), Allocations.Status.FAILED, null, null, e.getMessage(), clock.instant());
        } finally {
            progress.remove(allocation.id());
        }
    }

    /** @return the fen allocated and the sub-accounts credited */
    private long[] allocate(CommunityCopy community, Allocations.Allocation allocation) {
        InterestPeriod period = allocation.period();
        progress.put(allocation.id(), new Progress("weighing the balance of every sub-account, day by day", 0));
        long t0 = System.nanoTime();
        SubAccounts.Weights weights = subAccounts.balanceDays(community.id(), period.from(), period.to());
        long t1 = System.nanoTime();
        BigInteger balanceDays = Arrays.stream(weights.balanceDays()).mapToObj(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
        if (balanceDays.signum() <= 0) {
            throw new FundRuleViolation("F2", "from", "no sub-account held money in this period: there is nothing to allocate interest to");
        }
        long total = period.total(balanceDays);
        long[] parts = Allocation.largestRemainder(total, weights.balanceDays());
        long t2 = System.nanoTime();
        progress.put(allocation.id(), new Progress("crediting the sub-accounts", (int) Arrays.stream(parts).filter(p -> p != 0).count()));
        int credited = posting.credit(community, "interest:" + allocation.id(), period, allocation.bankReference(), weights.unitIds(), parts);
        log.info("interest for {} sub-accounts: weighed in {} ms, split in {} ms, posted and credited in {} ms", weights.unitIds().length,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        return new long[]{total, credited};
    }

    @Override
    public void start() {
        int interrupted = allocations.failInterrupted(clock.instant());
        if (interrupted > 0) {
            log.warn("{} interest allocation(s) were interrupted by a restart and nothing of them was credited: request them again", interrupted);
        }
        running = true;
    }

    @Override
    public void stop() {
        jobs.shutdownNow();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
