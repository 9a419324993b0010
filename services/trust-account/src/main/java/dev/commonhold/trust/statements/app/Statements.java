package dev.commonhold.trust.statements.app;

import dev.commonhold.platform.ledger.Account;
import dev.commonhold.platform.ledger.Journal;
import dev.commonhold.platform.ledger.Posting;
import dev.commonhold.platform.ledger.verify.TreeHead;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.trust.books.domain.ChartOfAccounts;
import dev.commonhold.trust.register.CommunityCopy;
import dev.commonhold.trust.register.TrustAccess;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The monthly statement every owner reads (T4): the co-managed account's opening and closing
 * balance, income by class and expenses by category for the month, every entry of the month with
 * its hash (each drills down to its entry, and a payment to its request's vouchers and approvals),
 * and, once the month is closed, the head its Merkle root fixes. Fen throughout.
 */
@Service
public class Statements {

    public record Amount(String account, String name, long fen) {
    }

    /** One entry of the month; {@code paymentRequestId} when it is an executed payment out. */
    public record Line(UUID entryId, long sequence, Instant postedAt, String description, List<Posting> postings, String leafHash,
                       UUID paymentRequestId) {

        /** The entry's size: the sum of its debits, fen. */
        public long amountFen() {
            return postings.stream().mapToLong(Posting::amountFen).filter(fen -> fen > 0).sum();
        }
    }

    /**
     * @param lineCount         the month's entries
     * @param lines             a page of them, in log order
     * @param nextLinesAfter    the sequence to ask for the next page after; null on the last page
     * @param treeSize          and {@code rootHash} are null while the month is open
     */
    public record Statement(UUID communityId, String communityName, String month, long openingBankFen, long closingBankFen, List<Amount> income,
                            List<Amount> expenses, long incomeFen, long expensesFen, long lineCount, List<Line> lines, Long nextLinesAfter,
                            Long treeSize, String rootHash) {

        /** The same statement saying where the next page starts, when this page was full. */
        Statement withNext(int limit) {
            Long next = lines.size() == limit ? lines.getLast().sequence() : null;
            return new Statement(communityId, communityName, month, openingBankFen, closingBankFen, income, expenses, incomeFen, expensesFen,
                    lineCount, lines, next, treeSize, rootHash);
        }
    }

    /** Lines a page holds at most: a month of a large community has a million entries. */
    public static final int MAX_PAGE = 5_000;

    private static final YearMonth BEGINNING = YearMonth.of(2000, 1);

    private final TrustAccess access;
    private final Journal journal;

    Statements(TrustAccess access, Journal journal) {
        this.access = access;
        this.journal = journal;
    }

    /**
     * The month's statement with a page of its lines: {@code limit} (at most {@value #MAX_PAGE}) after
     * sequence {@code linesAfter} (−1 for the first page).
     */
    public Statement of(Viewer viewer, UUID communityId, YearMonth month, long linesAfter, int limit) {
        CommunityCopy community = access.readable(viewer, communityId);
        List<Account> accounts = journal.accounts(communityId);
        Map<String, Long> before = journal.sumsOfPeriods(communityId, BEGINNING, month.minusMonths(1));
        Map<String, Long> during = journal.sumsOfPeriod(communityId, month);
        long opening = before.getOrDefault(ChartOfAccounts.BANK, 0L);
        List<Amount> income = amounts(accounts, during, Account.Type.INCOME, -1);
        List<Amount> expenses = amounts(accounts, during, Account.Type.EXPENSE, 1);
        TreeHead head = journal.closed(communityId, month).orElse(null);
        return new Statement(communityId, community.name(), month.toString(), opening, opening + during.getOrDefault(ChartOfAccounts.BANK, 0L), income,
                expenses, income.stream().mapToLong(Amount::fen).sum(), expenses.stream().mapToLong(Amount::fen).sum(),
                journal.countOfPeriod(communityId, month), page(communityId, month, linesAfter, Math.min(limit, MAX_PAGE)), null,
                head == null ? null : head.size(), head == null ? null : head.rootHex()).withNext(Math.min(limit, MAX_PAGE));
    }

    /** Income shows as credits (sign −1), expenses as debits: both read as positive amounts. Accounts with nothing are left out. */
    private static List<Amount> amounts(List<Account> accounts, Map<String, Long> sums, Account.Type type, int sign) {
        return accounts.stream().filter(a -> a.type() == type && sums.getOrDefault(a.code(), 0L) != 0)
                .map(a -> new Amount(a.code(), a.name(), sign * sums.get(a.code()))).toList();
    }

    /** Every line of the month, a page at a time, for a CSV of any size (the caller has checked access with {@link #of}). */
    public void eachLine(UUID communityId, YearMonth month, Consumer<Line> line) {
        long after = -1;
        for (List<Line> page = page(communityId, month, after, MAX_PAGE); !page.isEmpty(); page = page(communityId, month, after, MAX_PAGE)) {
            page.forEach(line);
            after = page.getLast().sequence();
        }
    }

    private List<Line> page(UUID communityId, YearMonth month, long after, int limit) {
        return journal.entriesOfPeriod(communityId, month, after, limit).stream().map(e -> new Line(e.id(), e.sequence(),
                Instant.EPOCH.plus(e.postedAtMicros(), ChronoUnit.MICROS), e.description(), e.postings(),
                e.leafHashHex(), e.source() != null && e.source().startsWith("payment-request:")
                        ? UUID.fromString(e.source().substring("payment-request:".length())) : null)).toList();
    }

    /** Account names for the CSV. */
    public Map<String, String> names(UUID communityId) {
        Map<String, String> names = new LinkedHashMap<>();
        journal.accounts(communityId).forEach(a -> names.put(a.code(), a.name()));
        return names;
    }
}
