package dev.commonhold.fund.projects.app;

import dev.commonhold.fund.accounts.app.Deposits;
import dev.commonhold.fund.accounts.app.FundBooks;
import dev.commonhold.fund.accounts.app.FundCharges;
import dev.commonhold.fund.accounts.app.SubAccounts;
import dev.commonhold.fund.accounts.domain.FundChart;
import dev.commonhold.fund.accounts.domain.FundRuleViolation;
import dev.commonhold.fund.accounts.domain.Movement;
import dev.commonhold.fund.accounts.domain.SubAccount;
import dev.commonhold.fund.projects.domain.Apportionment;
import dev.commonhold.fund.projects.domain.Category;
import dev.commonhold.fund.projects.domain.Retrofit;
import dev.commonhold.fund.projects.domain.UseProject;
import dev.commonhold.fund.register.CommunityCopy;
import dev.commonhold.fund.register.FundAccess;
import dev.commonhold.fund.register.Register;
import dev.commonhold.fund.register.UnitCopy;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.money.Allocation;
import dev.commonhold.platform.money.Money;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Use projects (F4–F7): proposed with the affected units and their shares shown before anyone
 * votes; approved by the affected owners' vote or, for an emergency, the committee's confirmation;
 * each share the sub-account cannot cover charged to its owner; paid to the contractor in stages,
 * each stage taken from the sub-accounts by their shares and never overdrawing one.
 */
@Service
public class ProjectWork {

    /**
     * @param estimateFen for a retrofit (F10) the whole cost, of which {@code subsidyFen} the government
     *                    pays directly and {@code fundFen} comes from the sub-accounts; the owners contribute the rest
     * @param floorCoefficients retrofit only: hundredths per floor, the city's usual table when absent
     */
    public record Proposal(String title, String category, String path, long estimateFen, String contractor, String contractorAccount,
                           List<UUID> unitIds, List<UUID> buildingIds, Long subsidyFen, Long fundFen, Map<Integer, Integer> floorCoefficients) {
    }

    private final FundAccess access;
    private final Register register;
    private final Projects projects;
    private final SubAccounts subAccounts;
    private final FundCharges charges;
    private final FundBooks books;
    private final Deposits deposits;
    private final Clock clock;

    ProjectWork(FundAccess access, Register register, Projects projects, SubAccounts subAccounts, FundCharges charges, FundBooks books,
                Deposits deposits, Clock clock) {
        this.access = access;
        this.register = register;
        this.projects = projects;
        this.subAccounts = subAccounts;
        this.charges = charges;
        this.books = books;
        this.deposits = deposits;
        this.clock = clock;
    }

    /** The operator's staff or the committee propose; the shares by area are fixed and shown from now on. */
    @Transactional
    public UseProject propose(Viewer viewer, UUID communityId, Proposal p) {
        CommunityCopy community = access.readable(viewer, communityId);
        boolean staff = viewer.manages(community.ref()) && viewer.hasAny(dev.commonhold.platform.security.Role.OPERATOR_STAFF,
                dev.commonhold.platform.security.Role.OPERATOR_ADMIN);
        if (!staff && !viewer.sitsOnCommitteeOf(community.ref())) {
            throw new AccessDeniedException("the operator's staff or the owners' committee propose a use of the fund");
        }
        Category category = category(p.category());
        if (category == Category.LIFT_RETROFIT) {
            return proposeRetrofit(viewer, communityId, p);
        }
        UseProject project = UseProject.propose(Ids.newId(), communityId, p.title(), category, path(p.path()), p.estimateFen(),
                p.contractor(), p.contractorAccount());
        List<Projects.AffectedUnit> affected = apportioned(project.estimateFen(), affected(communityId, p).stream()
                .map(u -> new Projects.AffectedUnit(u.id(), u.areaCentiM2(), u.areaCentiM2(), 0, 0, null)).toList());
        projects.insert(project, affected, viewer.subject(), clock.instant());
        return project;
    }

    /**
     * Rule F10 with V9: a lift added to one building. What goes through the fund (its part and the
     * owners' contributions, both split by floor coefficient × area) is the project's estimate; the
     * subsidy is paid by the government and shown beside it.
     */
    private UseProject proposeRetrofit(Viewer viewer, UUID communityId, Proposal p) {
        if (p.buildingIds() == null || p.buildingIds().size() != 1 || (p.unitIds() != null && !p.unitIds().isEmpty())) {
            throw new FundRuleViolation("V9", "buildingIds", "a lift is added to one building, decided by that building's owners: name it in buildingIds");
        }
        Retrofit retrofit = Retrofit.of(p.estimateFen(), p.subsidyFen() == null ? 0 : p.subsidyFen(), p.fundFen() == null ? 0 : p.fundFen(),
                p.floorCoefficients());
        long throughFund = retrofit.fundFen() + retrofit.contributionFen();
        if (throughFund == 0) {
            throw new FundRuleViolation("F10", "subsidyFen", "the subsidy pays it all: nothing goes through the fund");
        }
        UseProject project = UseProject.propose(Ids.newId(), communityId, p.title(), Category.LIFT_RETROFIT, UseProject.Path.NORMAL, throughFund,
                p.contractor(), p.contractorAccount());
        List<UnitCopy> units = affected(communityId, p);
        if (units.stream().anyMatch(u -> u.floor() == null)) {
            throw new FundRuleViolation("F10", "floorCoefficients", "every unit of the building needs its floor in the register to split by floor");
        }
        List<Retrofit.Part> parts = retrofit.parts(units.stream().map(u -> new Retrofit.Unit(u.id(), u.floor(), u.areaCentiM2())).toList());
        List<Projects.AffectedUnit> affected = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Retrofit.Part part = parts.get(i);
            affected.add(new Projects.AffectedUnit(units.get(i).id(), units.get(i).areaCentiM2(),
                    Math.multiplyExact((long) part.coefficient(), units.get(i).areaCentiM2()), part.totalFen(), part.contributionFen(), part.coefficient()));
        }
        projects.insert(project, affected, viewer.subject(), clock.instant());
        projects.financing(project.id(), new Projects.Financing(retrofit.subsidyFen(), new java.util.TreeMap<>(retrofit.floorCoefficients()).toString()));
        return project;
    }

    /** The committee names the owners' vote that decides the project; a vote already decided is applied at once. */
    @Transactional
    public UseProject awaitVote(Viewer viewer, UUID communityId, UUID projectId, UUID resolutionId) {
        access.committeeOf(viewer, communityId);
        if (resolutionId.getMostSignificantBits() == 0 && resolutionId.getLeastSignificantBits() == 0) {
            throw ProblemException.invalid("resolutionId", "the id of the owners' vote, from /api/community/communities/{id}/resolutions");
        }
        projects.lockByResolution(resolutionId).filter(other -> !other.id().equals(projectId)).ifPresent(other -> {
            throw new FundRuleViolation("V7", "resolutionId", "this vote decides another project already: " + other.title() + " (" + other.id() + ")");
        });
        UseProject locked = lock(communityId, projectId);
        if (locked.resolutionId() != null && !locked.resolutionId().equals(resolutionId)) {
            throw new FundRuleViolation("V7", "resolutionId", "this project waits for vote " + locked.resolutionId()
                    + " already; a project is decided by one vote — propose it again to put it to another");
        }
        UseProject project = locked.awaiting(resolutionId);
        projects.update(project);
        return projects.decision(resolutionId).filter(d -> d.communityId().equals(communityId)).map(d -> apply(project, d)).orElse(project);
    }

    /** From community.resolution-decided.v1: kept, and applied to the project that waits for it. */
    @Transactional
    public void decided(Projects.Decision decision, java.time.Instant decidedAt) {
        projects.decided(decision, decidedAt);
        projects.lockByResolution(decision.resolutionId()).filter(p -> p.communityId().equals(decision.communityId())
                && p.status() == UseProject.Status.PROPOSED).ifPresent(p -> apply(p, decision));
    }

    private UseProject apply(UseProject project, Projects.Decision decision) {
        java.util.Set<UUID> affected = new HashSet<>(projects.units(project.id()).stream().map(Projects.AffectedUnit::unitId).toList());
        UseProject decided = project.decided(decision.matter(), decision.outcome(), projects.unitsOf(decision), affected);
        projects.update(decided);
        if (decided.status() == UseProject.Status.APPROVED) {
            chargeShortfalls(decided);
        }
        return decided;
    }

    /** Rule F7: the committee confirms a listed emergency; no vote, work within 7 days, published after with its apportionment. */
    @Transactional
    public UseProject confirmEmergency(Viewer viewer, UUID communityId, UUID projectId) {
        CommunityCopy community = access.committeeOf(viewer, communityId);
        UseProject confirmed = lock(communityId, projectId).confirmedEmergency(viewer.subject(), clock.instant(),
                LocalDate.now(clock.withZone(community.zone())));
        projects.update(confirmed);
        chargeShortfalls(confirmed);
        return confirmed;
    }

    /**
     * Rule F6: the operator admin records a stage the bank paid to the contractor on accepted work.
     * Each unit pays its part of what has been paid so far by its share (largest remainder), from
     * its sub-account; if any sub-account cannot, nothing is paid and the units are named (F4).
     * The completion states the final cost, and the shares are apportioned again by it.
     */
    @Transactional
    public Projects.Payment pay(Viewer viewer, UUID communityId, UUID projectId, UseProject.Stage stage, long amountFen, Long finalCostFen,
                                String bankReference) {
        CommunityCopy community = access.adminOf(viewer, communityId);
        if (bankReference == null || bankReference.isBlank() || bankReference.length() > 64) {
            throw new FundRuleViolation("F6", "bankReference", "the bank's reference of the transfer to the contractor (at most 64 characters)");
        }
        UseProject project = lock(communityId, projectId);
        List<Projects.Payment> before = projects.payments(projectId);
        long paidSoFar = before.stream().mapToLong(Projects.Payment::amountFen).sum();
        boolean completed = before.stream().anyMatch(p -> p.stage() == UseProject.Stage.COMPLETION);
        UseProject paid = project.pay(stage, amountFen, paidSoFar, finalCostFen, completed);
        List<Projects.AffectedUnit> units = projects.units(projectId);
        if (stage == UseProject.Stage.COMPLETION && paid.costFen() != project.costFen()) {
            units = apportioned(paid.costFen(), units);
            projects.shares(projectId, units);
        }
        List<Movement> movements = parts(community, paid, units, paidSoFar + amountFen);
        Projects.Payment payment = new Projects.Payment(Ids.newId(), stage, amountFen, bankReference.strip(), clock.instant());
        books.post(communityId, community.zone(), "维修资金支付 %s（%s）Paid to %s: %s".formatted(paid.title(), stageName(stage), paid.contractor(),
                Money.yuan(amountFen)), "project-payment:" + payment.id(), FundChart.BANK, movements);
        projects.paid(projectId, payment, viewer.subject());
        projects.update(paidSoFar + amountFen == paid.costFen() && (completed || stage == UseProject.Stage.COMPLETION)
                ? new UseProject(paid.id(), paid.communityId(), paid.title(), paid.category(), paid.path(), UseProject.Status.COMPLETED,
                paid.estimateFen(), paid.finalCostFen(), paid.contractor(), paid.contractorAccount(), paid.resolutionId(), paid.confirmedBy(),
                paid.confirmedAt(), paid.workStartsBy(), "paid in full") : paid);
        movements.stream().filter(m -> m.amountFen() < 0).forEach(m -> deposits.checkTopUp(community, m.unitId()));
        return payment;
    }

    /** Each unit's part of this payment: its share of everything paid so far, less what it has paid already. */
    private List<Movement> parts(CommunityCopy community, UseProject project, List<Projects.AffectedUnit> units, long paidAfter) {
        long[] target = Allocation.largestRemainder(paidAfter, units.stream().mapToLong(Projects.AffectedUnit::shareFen).toArray());
        Map<UUID, Long> paidBefore = subAccounts.paidTowards(project.id(), units.stream().map(Projects.AffectedUnit::unitId).toList());
        LocalDate today = LocalDate.now(clock.withZone(community.zone()));
        List<Movement> movements = new ArrayList<>();
        List<String> short_ = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            UUID unit = units.get(i).unitId();
            long part = target[i] - paidBefore.getOrDefault(unit, 0L);
            if (part == 0) {
                continue;
            }
            SubAccount account = subAccounts.lock(unit).orElseThrow();
            if (part > account.balanceFen()) {
                short_.add(register.unit(community.id(), unit).map(UnitCopy::reference).orElse(unit.toString()) + " short "
                        + Money.yuan(part - account.balanceFen()) + " yuan");
            }
            movements.add(new Movement(Ids.newId(), unit, Movement.Kind.PROJECT, -part, today,
                    "维修资金分摊 Share of %s".formatted(project.title()), "project:" + project.id()));
        }
        if (!short_.isEmpty()) {
            throw new FundRuleViolation("F4", "amountFen", "%d sub-account(s) cannot cover their part and are never overdrawn: %s. Their owners are "
                    .formatted(short_.size(), String.join("; ", short_.subList(0, Math.min(10, short_.size()))))
                    + "charged the shortfall; pay this stage once it is settled, or a smaller stage now");
        }
        return movements;
    }

    /**
     * Rule F4 by the domain's one rule ({@link Apportionment#byArea}) over each unit's weight (its area; a
     * retrofit's floor coefficient × area), the units in the register's order.
     */
    private static List<Projects.AffectedUnit> apportioned(long costFen, List<Projects.AffectedUnit> units) {
        List<Apportionment.Share> shares = Apportionment.byArea(costFen, units.stream()
                .map(u -> new Apportionment.Unit(u.unitId(), null, u.weight(), 0)).toList());
        List<Projects.AffectedUnit> again = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Projects.AffectedUnit u = units.get(i);
            again.add(new Projects.AffectedUnit(u.unitId(), u.areaCentiM2(), u.weight(), shares.get(i).shareFen(), u.contributionFen(), u.coefficient()));
        }
        return again;
    }

    /**
     * Rule F4: a share the sub-account cannot cover is charged to its owner, once per project and
     * unit; a retrofit's contributions (F10) are charged to the owners too, collected by billing.
     */
    private void chargeShortfalls(UseProject project) {
        CommunityCopy community = register.community(project.communityId()).orElseThrow();
        LocalDate due = LocalDate.now(clock.withZone(community.zone())).plusDays(30);
        for (Apportionment.Share share : shares(project)) {
            UnitCopy unit = register.unit(project.communityId(), share.unitId()).orElseThrow();
            if (share.contributionFen() > 0) {
                charges.raise(new FundCharges.Charge(Ids.newId(), project.communityId(), share.unitId(), FundCharges.Kind.CONTRIBUTION,
                        share.contributionFen(), 0, project.id()), unit.reference(), unit.ownerName(),
                        "居民出资 Your contribution to %s".formatted(project.title()), due, clock.instant());
            }
            if (share.shortfallFen() > 0) {
                charges.raise(new FundCharges.Charge(Ids.newId(), project.communityId(), share.unitId(), FundCharges.Kind.SHORTFALL,
                                share.shortfallFen(), 0, project.id()), unit.reference(), unit.ownerName(),
                        "维修资金分摊不足部分 Your share of %s beyond your sub-account".formatted(project.title()), due, clock.instant());
            }
        }
    }

    /** Each affected unit's share, with what its sub-account covers now and the rest (shown before the vote and after). */
    public List<Apportionment.Share> shares(UseProject project) {
        List<Projects.AffectedUnit> units = projects.units(project.id());
        Map<UUID, String> references = new HashMap<>();
        register.units(project.communityId(), units.stream().map(Projects.AffectedUnit::unitId).toList())
                .forEach(u -> references.put(u.id(), u.reference()));
        return units.stream().map(u -> {
            long balance = subAccounts.find(u.unitId()).map(SubAccount::balanceFen).orElse(0L);
            long fundPart = u.shareFen() - u.contributionFen();
            long fromFund = Math.min(balance, fundPart);
            return new Apportionment.Share(u.unitId(), references.get(u.unitId()), u.areaCentiM2(), u.shareFen(), fromFund, fundPart - fromFund,
                    u.contributionFen());
        }).toList();
    }

    private List<UnitCopy> affected(UUID communityId, Proposal p) {
        boolean byUnits = p.unitIds() != null && !p.unitIds().isEmpty();
        boolean byBuildings = p.buildingIds() != null && !p.buildingIds().isEmpty();
        if (byUnits == byBuildings) {
            throw new FundRuleViolation("F4", "unitIds", "name the affected units (unitIds) or whole buildings (buildingIds), one of the two");
        }
        List<UnitCopy> units = byUnits ? register.units(communityId, List.copyOf(new java.util.LinkedHashSet<>(p.unitIds())))
                : register.unitsOfBuildings(communityId, p.buildingIds());
        int asked = byUnits ? new HashSet<>(p.unitIds()).size() : 1;
        if (units.isEmpty() || (byUnits && units.size() != asked)) {
            throw new FundRuleViolation("F4", byUnits ? "unitIds" : "buildingIds", "not all of these are units or buildings of this community");
        }
        if (units.stream().anyMatch(u -> subAccounts.find(u.id()).isEmpty())) {
            throw new FundRuleViolation("F2", "unitIds", "every affected unit needs its sub-account; try again once the register has been copied");
        }
        List<UnitCopy> open = units.stream().filter(u -> !subAccounts.closed(u.id())).toList();
        if (byUnits && open.size() != units.size()) {
            throw new FundRuleViolation("F9", "unitIds", "a demolished unit's sub-account is closed: leave it out");
        }
        if (open.isEmpty()) {
            throw new FundRuleViolation("F9", "buildingIds", "every unit of these buildings was demolished");
        }
        return open;
    }

    private UseProject lock(UUID communityId, UUID projectId) {
        return projects.lock(communityId, projectId).orElseThrow(() -> ProblemException.notFound("Project", projectId));
    }

    private static Category category(String value) {
        try {
            return Category.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalid("category", "one of " + java.util.Arrays.stream(Category.values()).map(c -> c.name().toLowerCase()).toList());
        }
    }

    private static UseProject.Path path(String value) {
        return value == null || value.isBlank() ? UseProject.Path.NORMAL : switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "normal" -> UseProject.Path.NORMAL;
            case "emergency" -> UseProject.Path.EMERGENCY;
            default -> throw ProblemException.invalid("path", "normal (the affected owners vote) or emergency (F7)");
        };
    }

    private static String stageName(UseProject.Stage stage) {
        return switch (stage) {
            case ADVANCE -> "预付款 advance";
            case PROGRESS -> "进度款 progress";
            case COMPLETION -> "竣工结算 completion";
            case RETENTION -> "质保金 retention";
        };
    }
}
