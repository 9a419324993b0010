package dev.commonhold.trust.budget.app;

import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.ledger.Account;
import dev.commonhold.platform.ledger.Journal;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.trust.register.TrustAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The annual budget (rule T2, remuneration model: the owners adopt a budget and see accounts
 * against it): the operator drafts it line by line for a resolution of the owners' assembly; the
 * assembly's APPROVED decision adopts it. Actuals come from the journal; a payment beyond its line
 * is flagged to the approvers.
 */
@Service
public class Budgets {

    /** One line: what was budgeted and what the journal shows spent so far this year (fen). */
    public record Line(String expenseAccount, String name, long budgetFen, long spentFen, long remainingFen) {
    }

    public record View(int year, UUID resolutionId, BudgetStore.Status status, List<Line> lines, long budgetFen, long spentFen) {
    }

    /** How a payment stands against its budget line: {@code exceedsByFen} > 0 means beyond it. */
    public record Check(int year, BudgetStore.Status status, Long budgetFen, long spentFen, long exceedsByFen) {
    }

    private final TrustAccess access;
    private final BudgetStore store;
    private final Journal journal;
    private final Clock clock;

    Budgets(TrustAccess access, BudgetStore store, Journal journal, Clock clock) {
        this.access = access;
        this.store = store;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional
    public View draft(Viewer viewer, UUID communityId, int year, UUID resolutionId, Map<String, Long> lines) {
        access.adminOf(viewer, communityId);
        if (year < 2000 || year > 2200) {
            throw ProblemException.invalid("year", "must be a year such as 2027");
        }
        Map<String, String> expenses = expenseAccounts(communityId);
        lines.forEach((code, fen) -> {
            if (!expenses.containsKey(code)) {
                throw ProblemException.invalid("lines", code + " is not an expense account of this community's chart (51xx)");
            }
            if (fen == null || fen < 0 || fen > 10_000_000_000L) {
                throw ProblemException.invalid("lines", code + ": an amount of 0 to 10,000,000,000 fen");
            }
        });
        if (lines.isEmpty()) {
            throw ProblemException.invalid("lines", "a budget has at least one line");
        }
        if (!store.saveDraft(new BudgetStore.Budget(Ids.newId(), communityId, year, resolutionId, BudgetStore.Status.DRAFT, lines, null),
                viewer.subject(), clock.instant())) {
            throw ProblemException.conflict(year + "'s budget was decided by the owners already, or that resolution names another budget");
        }
        return view(viewer, communityId, year);
    }

    public View view(Viewer viewer, UUID communityId, int year) {
        access.readable(viewer, communityId);
        BudgetStore.Budget budget = store.ofYear(communityId, year).orElseThrow(() -> ProblemException.notFound("Budget of", year));
        Map<String, Long> spent = spent(communityId, year);
        Map<String, String> names = expenseAccounts(communityId);
        List<Line> lines = budget.lines().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> new Line(e.getKey(), names.get(e.getKey()),
                e.getValue(), spent.getOrDefault(e.getKey(), 0L), e.getValue() - spent.getOrDefault(e.getKey(), 0L))).toList();
        return new View(year, budget.resolutionId(), budget.status(), lines, lines.stream().mapToLong(Line::budgetFen).sum(),
                lines.stream().mapToLong(Line::spentFen).sum());
    }

    /** A year's budget and what was spent, read once to check any number of payments against. */
    public YearToDate yearToDate(UUID communityId, int year) {
        return new YearToDate(year, store.ofYear(communityId, year), spent(communityId, year));
    }

    public record YearToDate(int year, Optional<BudgetStore.Budget> budget, Map<String, Long> spent) {

        /** A payment of {@code fen} to {@code expenseAccount} against the adopted budget (null budget: none adopted). */
        public Check check(String expenseAccount, long fen) {
            long spentFen = spent.getOrDefault(expenseAccount, 0L);
            if (budget.isEmpty() || budget.get().status() != BudgetStore.Status.ADOPTED) {
                return new Check(year, budget.map(BudgetStore.Budget::status).orElse(null), null, spentFen, 0);
            }
            long line = budget.get().lines().getOrDefault(expenseAccount, 0L);
            return new Check(year, BudgetStore.Status.ADOPTED, line, spentFen, Math.max(0, spentFen + fen - line));
        }
    }

    public void decided(UUID resolutionId, boolean approved) {
        store.decided(resolutionId, approved ? BudgetStore.Status.ADOPTED : BudgetStore.Status.REJECTED, clock.instant());
    }

    private Map<String, Long> spent(UUID communityId, int year) {
        return journal.sumsOfPeriods(communityId, YearMonth.of(year, 1), YearMonth.of(year, 12));
    }

    private Map<String, String> expenseAccounts(UUID communityId) {
        Map<String, String> names = new LinkedHashMap<>();
        journal.accounts(communityId).stream().filter(a -> a.type() == Account.Type.EXPENSE).forEach(a -> names.put(a.code(), a.name()));
        return names;
    }
}
