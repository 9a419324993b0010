package dev.commonhold.fund.accounts.app;

import dev.commonhold.fund.accounts.domain.DepositRule;
import dev.commonhold.fund.accounts.domain.FundChart;
import dev.commonhold.fund.accounts.domain.Movement;
import dev.commonhold.fund.accounts.domain.SubAccount;
import dev.commonhold.fund.register.CommunityCopy;
import dev.commonhold.fund.register.FundAccess;
import dev.commonhold.fund.register.Register;
import dev.commonhold.fund.register.UnitArrivals;
import dev.commonhold.fund.register.UnitCopy;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.money.Money;
import dev.commonhold.platform.security.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Deposits into the sub-accounts: each unit's sub-account opens when the register first tells of
 * it, with its initial deposit by the city's rule (F1); the operator starts demanding the deposits
 * (after that, a unit registered later is demanded at once); billing collects them; each settlement
 * credits the sub-account once. A sub-account that falls below 30% of its initial deposit is
 * demanded a top-up (F3).
 */
@Service
public class Deposits implements UnitArrivals {

    private static final Logger log = LoggerFactory.getLogger(Deposits.class);
    static final int DAYS_TO_PAY = 30;

    private final FundProperties cities;
    private final SubAccounts subAccounts;
    private final FundCharges charges;
    private final FundBooks books;
    private final Register register;
    private final FundAccess access;
    private final Clock clock;

    Deposits(FundProperties cities, SubAccounts subAccounts, FundCharges charges, FundBooks books, Register register, FundAccess access,
             Clock clock) {
        this.cities = cities;
        this.subAccounts = subAccounts;
        this.charges = charges;
        this.books = books;
        this.register = register;
        this.access = access;
        this.clock = clock;
    }

    /** Inside the inbox transaction of the unit's state. */
    @Override
    public void arrived(CommunityCopy community, UnitCopy unit) {
        long deposit = cities.cityOf(community.divisionCode()).map(c -> c.depositRule().depositFen(unit.areaCentiM2())).orElse(0L);
        subAccounts.open(community.id(), unit.id(), deposit, clock.instant());
        if (subAccounts.demandsSince(community.id()).isPresent()) {
            demandInitial(community, unit);
        }
    }

    /** Units read before their community open their sub-accounts now. */
    @Override
    public void communityArrived(CommunityCopy community) {
        books.open(community.id()); // the community's fund ledger, once its state is known (adds any account it lacks)
        for (UUID unitId : subAccounts.unitsWithoutSubAccount(community.id())) {
            register.unit(community.id(), unitId).ifPresent(unit -> arrived(community, unit));
        }
    }

    /** The operator starts collecting initial deposits: every unit whose deposit is due is demanded it now, and later ones on arrival. */
    @Transactional
    public int demandAll(Viewer viewer, UUID communityId) {
        CommunityCopy community = access.staffOf(viewer, communityId);
        subAccounts.startDemands(communityId, clock.instant());
        int demanded = 0;
        for (UUID unitId : subAccounts.depositsDue(communityId)) {
            demanded += register.unit(communityId, unitId).map(u -> demandInitial(community, u) ? 1 : 0).orElse(0);
        }
        return demanded;
    }

    private boolean demandInitial(CommunityCopy community, UnitCopy unit) {
        SubAccount account = subAccounts.lock(unit.id()).orElseThrow();
        if (account.depositState() != SubAccount.DepositState.DUE || account.initialDepositFen() == 0) {
            return false;
        }
        boolean raised = charges.raise(new FundCharges.Charge(Ids.newId(), community.id(), unit.id(), FundCharges.Kind.INITIAL_DEPOSIT,
                        account.initialDepositFen(), 0, null), unit.reference(), unit.ownerName(),
                "住宅专项维修资金首期交存 Maintenance fund initial deposit " + unit.reference(), dueOn(community), clock.instant());
        subAccounts.depositState(unit.id(), SubAccount.DepositState.DEMANDED);
        return raised;
    }

    /**
     * A settlement of one of the fund's charges (billing.payment-settled.v1, class fund_deposit):
     * credits the unit's sub-account once, however often the event arrives.
     */
    @Transactional
    public void settled(UUID settlementId, UUID chargeId, long amountFen, Instant settledAt) {
        FundCharges.Charge charge = charges.lock(chargeId).orElse(null);
        if (charge == null) {
            log.warn("settlement {} of fund_deposit charge {} that this fund never raised: not credited", settlementId, chargeId);
            return;
        }
        CommunityCopy community = register.community(charge.communityId()).orElseThrow();
        UnitCopy unit = register.unit(charge.communityId(), charge.unitId()).orElseThrow();
        Movement.Kind kind = switch (charge.kind()) {
            case INITIAL_DEPOSIT -> Movement.Kind.DEPOSIT;
            case TOP_UP -> Movement.Kind.TOP_UP;
            case SHORTFALL, CONTRIBUTION -> Movement.Kind.SHORTFALL;
        };
        String text = switch (kind) {
            case DEPOSIT -> "首期交存 Initial deposit ";
            case TOP_UP -> "续筹 Top-up ";
            default -> charge.kind() == FundCharges.Kind.CONTRIBUTION ? "居民出资 Owner's contribution to a retrofit " : "分摊不足部分 Owner's part of a project share ";
        } + unit.reference() + " " + Money.yuan(amountFen);
        LocalDate valueDate = settledAt.atZone(community.zone()).toLocalDate();
        boolean posted = books.post(community.id(), community.zone(), text, "billing.payment-settled.v1:" + settlementId, FundChart.BANK,
                List.of(new Movement(Ids.newId(), unit.id(), kind, amountFen, valueDate, text, "charge:" + chargeId)));
        if (posted) {
            charges.settled(chargeId, Math.min(amountFen, charge.openFen()));
            if (kind == Movement.Kind.DEPOSIT && amountFen >= charge.openFen()) {
                subAccounts.depositState(unit.id(), SubAccount.DepositState.PAID);
            }
        }
    }

    /** Rule F3, after anything took money out: strictly below 30% of the initial deposit, one open demand at a time. */
    public boolean checkTopUp(CommunityCopy community, UUID unitId) {
        SubAccount account = subAccounts.find(unitId).orElseThrow();
        if (!account.belowTopUpLine() || account.topUpFen() == 0) {
            return false;
        }
        UnitCopy unit = register.unit(community.id(), unitId).orElseThrow();
        return charges.raise(new FundCharges.Charge(Ids.newId(), community.id(), unitId, FundCharges.Kind.TOP_UP, account.topUpFen(), 0, null),
                unit.reference(), unit.ownerName(), "维修资金续筹（余额低于首期30%）Top-up: balance below 30% of the initial deposit " + unit.reference(),
                dueOn(community), clock.instant());
    }

    private LocalDate dueOn(CommunityCopy community) {
        return LocalDate.now(clock.withZone(community.zone())).plusDays(DAYS_TO_PAY);
    }

    /** The rule the community's city uses, for showing how a deposit was computed. */
    public java.util.Optional<DepositRule> ruleOf(CommunityCopy community) {
        return cities.cityOf(community.divisionCode()).map(FundProperties.City::depositRule);
    }
}
