package dev.commonhold.fund.accounts.app;

import dev.commonhold.fund.register.CommunityCopy;

import java.util.List;

/**
 * Rule F8: a community's fund over a year, as published to its owners — what it held at the start,
 * what came in by kind, what was used by project, what was refunded, what it held at the end, and
 * how many sub-accounts are below the top-up line now. Amounts in fen; value dates decide the year.
 *
 * @param inByKind  DEPOSIT, TOP_UP, SHORTFALL (owners' parts of projects and contributions), INTEREST, OPENING
 * @param usesByProject what each project took from the sub-accounts in the year (a positive amount)
 */
public record YearReport(CommunityCopy community, int year, long openingFen, List<Amount> inByKind, List<Amount> usesByProject, long refundedFen,
                         long closingFen, int subAccounts, long belowTopUpLine) {

    /** @param label a kind of income, or a project's title */
    public record Amount(String label, long fen) {
    }
}
