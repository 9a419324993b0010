package dev.commonhold.fund.interest.app;

import dev.commonhold.fund.accounts.app.SubAccounts;
import dev.commonhold.fund.accounts.domain.FundRuleViolation;
import dev.commonhold.fund.interest.domain.InterestPeriod;
import dev.commonhold.fund.register.CommunityCopy;
import dev.commonhold.fund.register.FundAccess;
import dev.commonhold.fund.register.Register;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.money.Allocation;
import dev.commonhold.platform.money.Money;
import dev.commonhold.platform.security.Role;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Rule F2 for a whole city or district: the interest its fund account earned in a period, split over
 * every sub-account of every community whose division code begins with the region's prefix, pro
 * rata to balance-days, with one largest-remainder split over all of them — the parts sum to the
 * amount to the fen; of equal remainders, the sub-account whose unit id sorts first byte by byte
 * gets the odd fen, whichever community it is in. A rate gives the amount from the region's total
 * balance-days, rounded once. A job with progress: every community's books get their entry in one
 * transaction, or none does. Once per region and period; a community's own allocation of an
 * overlapping period (or a region's containing or inside this one) is refused.
 */
@Service
public class RegionInterestAllocation implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RegionInterestAllocation.class);

    /** What a running job has done so far, for the caller polling it. */
    public record Progress(String phase, int communities) {
    }

    private record Holding(UUID unitId, long balanceDays, int community) {
    }

    private final FundAccess access;
    private final Register register;
    private final RegionAllocations regions;
    private final Allocations allocations;
    private final SubAccounts subAccounts;
    private final InterestPosting posting;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Map<UUID, Progress> progress = new ConcurrentHashMap<>();
    private final ExecutorService jobs = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("region-interest").daemon().factory());
    private volatile boolean running;

    RegionInterestAllocation(FundAccess access, Register register, RegionAllocations regions, Allocations allocations, SubAccounts subAccounts,
                             InterestPosting posting, TransactionTemplate transaction, Clock clock) {
        this.access = access;
        this.register = register;
        this.regions = regions;
        this.allocations = allocations;
        this.subAccounts = subAccounts;
        this.posting = posting;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Starts the allocation of this period over the region, or answers the one already made or running.
     * The housing bureau's fund centre holds the city's account; on the platform its administrator asks.
     */
    public RegionAllocations.RegionAllocation request(Viewer viewer, String divisionPrefix, InterestPeriod period, String bankReference) {
        String region = access.regionOf(viewer, divisionPrefix);
        if (!viewer.has(Role.PLATFORM_ADMIN)) {
            throw new AccessDeniedException("a region's interest is allocated by the platform administrator for the fund centre; regulators read it");
        }
        String reference = InterestPeriod.bankReference(bankReference);
        java.util.Optional<RegionAllocations.RegionAllocation> asked = regions.ofPeriod(region, period);
        if (asked.isPresent()) {
            return asked.get(); // asked again: the first allocation of this region and period stands
        }
        List<CommunityCopy> communities = register.inRegion(region);
        if (communities.isEmpty()) {
            throw new FundRuleViolation("F2", "divisionPrefix", "no community's division code begins with " + region);
        }
        period.requireEndedBefore(LocalDate.now(clock.withZone(communities.getFirst().zone())));
        regions.overlapping(region, period).ifPresent(other -> {
            throw new FundRuleViolation("F2", "from", "overlaps the allocation of region %s from %s to %s: each day's interest is allocated once"
                    .formatted(other.divisionPrefix(), other.period().from(), other.period().to()));
        });
        for (CommunityCopy community : communities) {
            allocations.overlapping(community.id(), period).or(() -> allocations.ofPeriod(community.id(), period)).ifPresent(own -> {
                throw new FundRuleViolation("F2", "from", "%s had its own interest allocated from %s to %s: each day's interest is allocated once"
                        .formatted(community.name(), own.period().from(), own.period().to()));
            });
        }
        RegionAllocations.RegionAllocation started = new RegionAllocations.RegionAllocation(Ids.newId(), region, period, reference,
                Allocations.Status.RUNNING, null, null, null, null, clock.instant(), null);
        if (!regions.start(started, viewer.subject())) {
            return regions.ofPeriod(region, period).orElseThrow();
        }
        progress.put(started.id(), new Progress("queued", 0));
        String requestedBy = viewer.subject();
        jobs.submit(() -> run(communities, started, requestedBy));
        return started;
    }

    public RegionAllocations.RegionAllocation find(Viewer viewer, String divisionPrefix, UUID id) {
        return regions.find(access.regionOf(viewer, divisionPrefix), id).orElseThrow(() -> ProblemException.notFound("Interest allocation", id));
    }

    public List<RegionAllocations.RegionAllocation> list(Viewer viewer, String divisionPrefix) {
        return regions.list(access.regionOf(viewer, divisionPrefix));
    }

    public Progress progress(UUID id) {
        return progress.get(id);
    }

    private void run(List<CommunityCopy> communities, RegionAllocations.RegionAllocation allocation, String requestedBy) {
        try {
            long[] result = transaction.execute(s -> allocate(communities, allocation, requestedBy));
            regions.finished(allocation.id(), Allocations.Status.DONE, result[0], (int) result[1], (int) result[2], null, clock.instant());
            log.info("interest {} allocated to {} sub-accounts in {} communities of region {}", Money.yuan(result[0]), result[2], result[1],
                    allocation.divisionPrefix());
        } catch (RuntimeException e) {
            log.warn("region interest allocation {} failed: {}", allocation.id(), e.getMessage());
            regions.finished(allocation.id(), Allocations.Status.FAILED, null, null, null, e.getMessage(), clock.instant());
        } finally {
            progress.remove(allocation.id());
        }
    }

    /** @return the fen allocated, the communities credited and the sub-accounts credited */
    private long[] allocate(List<CommunityCopy> communities, RegionAllocations.RegionAllocation allocation, String requestedBy) {
        InterestPeriod period = allocation.period();
        List<Holding> holdings = new ArrayList<>();
        for (int c = 0; c < communities.size(); c++) {
            progress.put(allocation.id(), new Progress("weighing the balance of every sub-account, day by day", c));
            SubAccounts.Weights weights = subAccounts.balanceDays(communities.get(c).id(), period.from(), period.to());
            for (int i = 0; i < weights.unitIds().length; i++) {
                holdings.add(new Holding(weights.unitIds()[i], weights.balanceDays()[i], c));
            }
        }
        // One order for the whole region, as PostgreSQL orders uuids (byte by byte): the tie rule of the split.
        holdings.sort(Comparator.comparing(Holding::unitId, Ids.DATABASE_ORDER));
        long[] weights = holdings.stream().mapToLong(Holding::balanceDays).toArray();
        BigInteger balanceDays = Arrays.stream(weights).mapToObj(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
        if (balanceDays.signum() <= 0) {
            throw new FundRuleViolation("F2", "from", "no sub-account of the region held money in this period: there is nothing to allocate interest to");
        }
        long total = period.total(balanceDays);
        long[] parts = Allocation.largestRemainder(total, weights);
        List<List<Integer>> byCommunity = new ArrayList<>();
        communities.forEach(c -> byCommunity.add(new ArrayList<>()));
        for (int i = 0; i < holdings.size(); i++) {
            byCommunity.get(holdings.get(i).community()).add(i);
        }
        int creditedCommunities = 0;
        int creditedSubAccounts = 0;
        for (int c = 0; c < communities.size(); c++) {
            progress.put(allocation.id(), new Progress("crediting the sub-accounts", c));
            List<Integer> mine = byCommunity.get(c);
            long share = mine.stream().mapToLong(i -> parts[i]).sum();
            if (share == 0) {
                continue; // held nothing in the period: no entry, no share
            }
            CommunityCopy community = communities.get(c);
            UUID[] units = mine.stream().map(i -> holdings.get(i).unitId()).toArray(UUID[]::new);
            long[] amounts = mine.stream().mapToLong(i -> parts[i]).toArray();
            int credited = posting.credit(community, "interest:" + allocation.id(), period, allocation.bankReference(), units, amounts);
            allocations.share(allocation.id(), community.id(), period, allocation.bankReference(), share, credited, requestedBy, clock.instant());
            creditedCommunities++;
            creditedSubAccounts += credited;
        }
        return new long[]{total, creditedCommunities, creditedSubAccounts};
    }

    @Override
    public void start() {
        int interrupted = regions.failInterrupted(clock.instant());
        if (interrupted > 0) {
            log.warn("{} region interest allocation(s) were interrupted by a restart and nothing of them was credited: request them again",
                    interrupted);
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
