package dev.commonhold.fund.accounts.app;

import dev.commonhold.fund.accounts.domain.Movement;
import dev.commonhold.fund.accounts.domain.SubAccount;
import dev.commonhold.fund.register.CommunityCopy;
import dev.commonhold.fund.register.FundAccess;
import dev.commonhold.fund.register.Register;
import dev.commonhold.fund.register.UnitCopy;
import dev.commonhold.platform.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What owners, the committee, the operator and regulators see of the fund (F8). */
@Service
@Transactional(readOnly = true)
public class AccountQueries {

    public record UnitAccount(UnitCopy unit, SubAccount account) {
    }

    public record Statement(UnitCopy unit, SubAccount account, List<Movement> movements) {
    }

    /**
     * @param owedToOwnersFen the ledger's 2101 balance; {@code subAccountsFen} the sum of the sub-accounts — always equal
     */
    public record Summary(CommunityCopy community, int subAccounts, long subAccountsFen, long owedToOwnersFen, long belowTopUpLine,
                          Map<SubAccount.DepositState, Long> deposits, long closed) {
    }

    private final FundAccess access;
    private final Register register;
    private final SubAccounts subAccounts;
    private final FundBooks books;
    private final java.time.Clock clock;

    AccountQueries(FundAccess access, Register register, SubAccounts subAccounts, FundBooks books, java.time.Clock clock) {
        this.access = access;
        this.register = register;
        this.subAccounts = subAccounts;
        this.books = books;
        this.clock = clock;
    }

    public List<UnitAccount> mine(Viewer viewer, UUID communityId) {
        access.readable(viewer, communityId);
        return register.ownedBy(communityId, viewer.subject()).stream()
                .flatMap(u -> subAccounts.find(u.id()).map(a -> new UnitAccount(u, a)).stream()).toList();
    }

    public Statement statement(Viewer viewer, UUID communityId, UUID unitId) {
        UnitCopy unit = access.unitReadable(viewer, communityId, unitId);
        SubAccount account = subAccounts.find(unitId).orElseThrow(() -> dev.commonhold.platform.web.problem.ProblemException.notFound("Sub-account", unitId));
        return new Statement(unit, account, subAccounts.movements(unitId));
    }

    /** Every sub-account of the community in the register's order, or only those below the top-up line (F3). */
    public List<UnitAccount> all(Viewer viewer, UUID communityId, boolean onlyBelowTopUpLine) {
        access.overseerOf(viewer, communityId);
        Map<UUID, SubAccount> accounts = subAccounts.ofCommunity(communityId).stream()
                .filter(a -> !onlyBelowTopUpLine || a.belowTopUpLine()).collect(Collectors.toMap(SubAccount::unitId, Function.identity()));
        return register.units(communityId, List.copyOf(accounts.keySet())).stream().map(u -> new UnitAccount(u, accounts.get(u.id()))).toList();
    }

    /** Every community's fund in a region, for the housing bureau (F8). */
    public List<SubAccounts.CommunityTotals> region(Viewer viewer, String divisionPrefix) {
        return subAccounts.totalsOfRegion(access.regionOf(viewer, divisionPrefix));
    }

    /**
     * Rule F8: the community's fund over a calendar year, for everyone who may read the community.
     *
     * @param year from the first year a community could have a fund here (2000) to the current one
     */
    public YearReport yearReport(Viewer viewer, UUID communityId, int year) {
        CommunityCopy community = access.readable(viewer, communityId);
        int now = java.time.LocalDate.now(clock.withZone(community.zone())).getYear();
        if (year < 2000 || year > now) {
            throw dev.commonhold.platform.web.problem.ProblemException.invalid("year", "a year from 2000 to " + now);
        }
        java.time.LocalDate from = java.time.LocalDate.of(year, 1, 1);
        java.time.LocalDate to = from.plusYears(1);
        long opening = subAccounts.totalBefore(communityId, from);
        List<YearReport.Amount> in = subAccounts.sumsByKind(communityId, from, to);
        List<YearReport.Amount> uses = subAccounts.usesByReference(communityId, from, to);
        long refunded = subAccounts.sumsByKindOf(communityId, from, to, "REFUND");
        long closing = subAccounts.totalBefore(communityId, to);
        List<SubAccount> all = subAccounts.ofCommunity(communityId);
        return new YearReport(community, year, opening, in, uses, -refunded, closing, all.size(), all.stream().filter(SubAccount::belowTopUpLine).count());
    }

    public String communityName(UUID communityId) {
        return register.community(communityId).map(CommunityCopy::name).orElse("");
    }

    public Summary summary(Viewer viewer, UUID communityId) {
        CommunityCopy community = access.readable(viewer, communityId);
        List<SubAccount> all = subAccounts.ofCommunity(communityId);
        return new Summary(community, all.size(), subAccounts.total(communityId), books.owedToOwners(communityId),
                all.stream().filter(SubAccount::belowTopUpLine).count(),
                all.stream().collect(Collectors.groupingBy(SubAccount::depositState, () -> new java.util.EnumMap<>(SubAccount.DepositState.class),
                        Collectors.counting())), all.stream().filter(SubAccount::closed).count());
    }
}
