package dev.commonhold.fund.accounts.app;

import dev.commonhold.fund.accounts.domain.FundChart;
import dev.commonhold.fund.accounts.domain.FundRuleViolation;
import dev.commonhold.fund.accounts.domain.Movement;
import dev.commonhold.fund.accounts.domain.SubAccount;
import dev.commonhold.fund.register.CommunityCopy;
import dev.commonhold.fund.register.FundAccess;
import dev.commonhold.fund.register.UnitCopy;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.money.Money;
import dev.commonhold.platform.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Rule F9: on a sale the balance stays with the unit (the sub-account is the unit's, whoever owns
 * it); on demolition it is refunded to the owner of record, the sub-account is closed and any
 * charge of it still open is withdrawn from billing.
 */
@Service
public class Demolition {

    public record Refund(UUID unitId, String unit, String owner, long refundedFen, int chargesWithdrawn) {
    }

    private final FundAccess access;
    private final SubAccounts subAccounts;
    private final FundCharges charges;
    private final FundBooks books;
    private final Clock clock;

    Demolition(FundAccess access, SubAccounts subAccounts, FundCharges charges, FundBooks books, Clock clock) {
        this.access = access;
        this.subAccounts = subAccounts;
        this.charges = charges;
        this.books = books;
        this.clock = clock;
    }

    /** @param bankReference the bank's reference of the transfer to the owner */
    @Transactional
    public Refund refund(Viewer viewer, UUID communityId, UUID unitId, String reason, String bankReference) {
        CommunityCopy community = access.adminOf(viewer, communityId);
        UnitCopy unit = access.unitReadable(viewer, communityId, unitId);
        if (reason == null || reason.isBlank() || reason.length() > 200 || bankReference == null || bankReference.isBlank() || bankReference.length() > 64) {
            throw new FundRuleViolation("F9", "reason", "the demolition (e.g. the expropriation decision's number) and the bank's reference of the refund");
        }
        SubAccount account = subAccounts.lock(unitId).orElseThrow();
        if (subAccounts.closed(unitId) && account.balanceFen() == 0) {
            throw new FundRuleViolation("F9", "unitId", unit.reference() + "'s sub-account was refunded and closed already");
        }
        if (subAccounts.inUnfinishedProject(unitId)) {
            throw new FundRuleViolation("F9", "unitId", unit.reference() + " has a share in an approved project not yet paid in full: finish or "
                    + "re-plan that project first, so its share is not left to the others or taken from a closed sub-account");
        }
        int withdrawn = charges.cancelOpen(communityId, unitId, "房屋拆迁，维修资金已退还 Demolished: the fund was refunded");
        if (account.balanceFen() > 0) {
            String text = "拆迁退还 Refunded on demolition: %s（%s，%s）".formatted(Money.yuan(account.balanceFen()), reason.strip(), bankReference.strip());
            books.post(communityId, community.zone(), text, "demolition-refund:" + unitId, FundChart.BANK, List.of(new Movement(Ids.newId(), unitId,
                    Movement.Kind.REFUND, -account.balanceFen(), LocalDate.now(clock.withZone(community.zone())), text, "demolition:" + unitId)));
        }
        subAccounts.close(unitId, clock.instant());
        return new Refund(unitId, unit.reference(), unit.ownerName(), account.balanceFen(), withdrawn);
    }
}
