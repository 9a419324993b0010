package dev.commonhold.trust.reconciliation.app;

import dev.commonhold.platform.money.Money;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.ledger.Account;
import dev.commonhold.platform.ledger.Journal;
import dev.commonhold.platform.ledger.Movement;
import dev.commonhold.platform.ledger.NewEntry;
import dev.commonhold.platform.ledger.Posting;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.trust.books.app.Books;
import dev.commonhold.trust.books.app.ValueDates;
import dev.commonhold.trust.books.domain.ChartOfAccounts;
import dev.commonhold.trust.reconciliation.domain.BankLine;
import dev.commonhold.trust.reconciliation.domain.Matching;
import dev.commonhold.platform.documents.SpreadsheetRejected;
import dev.commonhold.trust.register.CommunityCopy;
import dev.commonhold.trust.register.TrustAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Bank reconciliation of the co-managed account (银行对账, DESIGN.md "Trust accounts"): operator
 * staff import the bank's statement; anyone who may read the community's books sees the
 * three-way check and every difference; the operator's admin resolves a difference by posting the
 * entry it lacks (a bank charge, interest, an unknown deposit held in suspense) or by explaining it.
 * Nothing here moves money: payments out still need the committee (T3).
 */
@Service
public class BankReconciliation {

    /** What a bank line without an entry may be posted against, by direction. */
    static final Set<String> MONEY_IN_ACCOUNTS = Set.of(ChartOfAccounts.INCOME_INTEREST, ChartOfAccounts.SUSPENSE);
    static final Set<String> MONEY_OUT_ACCOUNTS = Set.of(ChartOfAccounts.BANK_CHARGES, ChartOfAccounts.SUSPENSE, ChartOfAccounts.RECEIVABLES);

    /** @param skipped lines imported before (the same 流水号 and amount), e.g. from an overlapping export */
    public record Imported(UUID importId, int imported, int skipped, LocalDate from, LocalDate to, long closingBalanceFen) {
    }

    private final TrustAccess access;
    private final BankStatementStore store;
    private final Journal journal;
    private final Books books;
    private final ValueDates valueDates;
    private final Clock clock;

    BankReconciliation(TrustAccess access, BankStatementStore store, Journal journal, Books books, ValueDates valueDates, Clock clock) {
        this.access = access;
        this.store = store;
        this.journal = journal;
        this.books = books;
        this.valueDates = valueDates;
        this.clock = clock;
    }

    /**
     * Takes the lines not imported before. The first new line must continue from the last imported
     * balance, so a statement skipped in between is caught now. All or nothing.
     *
     * @throws SpreadsheetRejected naming the line, when a reference comes back with another amount or the balances do not join
     */
    @Transactional
    public Imported importStatement(Viewer viewer, UUID communityId, List<BankLine> lines, String fileSha256) {
        access.staffOf(viewer, communityId);
        store.lock(communityId);
        Map<String, BankStatementStore.Stored> known = store.byReference(communityId, lines.stream().map(BankLine::reference).toList());
        for (BankLine line : lines) {
            BankStatementStore.Stored before = known.get(line.reference());
            if (before != null && (before.amountFen() != line.amountFen() || !before.valueDate().equals(line.valueDate()))) {
                throw SpreadsheetRejected.of(line.row(), "流水号", "reference %s was imported before as %s on %s; here it is %s on %s — is this the same account?"
                        .formatted(line.reference(), Money.yuan(before.amountFen()), before.valueDate(), Money.yuan(line.amountFen()), line.valueDate()));
            }
        }
        List<BankLine> fresh = lines.stream().filter(l -> !known.containsKey(l.reference())).toList();
        UUID importId = null;
        if (!fresh.isEmpty()) {
            joins(communityId, fresh.getFirst());
            importId = Ids.newId();
            store.insert(communityId, importId, fresh, fileSha256, viewer.subject(), clock.instant());
        }
        return new Imported(importId, fresh.size(), lines.size() - fresh.size(), lines.getFirst().valueDate(),
                lines.getLast().valueDate(), lines.getLast().balanceFen());
    }

    private void joins(UUID communityId, BankLine first) {
        store.last(communityId).ifPresent(last -> {
            if (first.valueDate().isBefore(last.valueDate())) {
                throw SpreadsheetRejected.of(first.row(), "交易日期", ("this line (%s) is older than the last line imported (%s, %s): import statements "
                        + "in order; the older lines are missing from the earlier import").formatted(first.valueDate(), last.valueDate(), last.reference()));
            }
            if (first.balanceBeforeFen() != last.balanceFen()) {
                throw SpreadsheetRejected.of(first.row(), "余额", ("the balance before this line is %s, but the last imported line (%s, %s) left %s: "
                        + "a statement between them is missing — import it first").formatted(Money.yuan(first.balanceBeforeFen()), last.valueDate(),
                        last.reference(), Money.yuan(last.balanceFen())));
            }
        });
    }

    public Reconciliation reconcile(Viewer viewer, UUID communityId, LocalDate asOf) {
        CommunityCopy community = access.readable(viewer, communityId);
        ZoneId zone = community.zone();
        LocalDate day = asOf == null ? LocalDate.now(clock.withZone(zone)) : asOf;
        List<BankStatementStore.Stored> lines = store.lines(communityId, day);
        if (lines.isEmpty()) {
            throw ProblemException.notFound("Bank statement up to " + day + " of community", communityId);
        }
        long from = micros(lines.getFirst().valueDate(), zone);
        long until = micros(day.plusDays(1), zone);
        List<Movement> movements = journal.movements(communityId, ChartOfAccounts.BANK, from, until);
        Set<UUID> posted = new HashSet<>();
        lines.stream().filter(l -> l.entryId() != null).forEach(l -> posted.add(l.entryId()));
        Map<UUID, LocalDate> dates = new HashMap<>(valueDates.of(communityId, movements.stream().map(Movement::entryId).toList()));
        movements.forEach(m -> dates.putIfAbsent(m.entryId(), date(m.postedAtMicros(), zone)));
        List<Matching.Match> matches = Matching.match(
                lines.stream().filter(l -> l.entryId() == null).map(l -> new Matching.BankItem(l.id(), l.valueDate(), l.amountFen(), l.reference())).toList(),
                movements.stream().filter(m -> !posted.contains(m.entryId()))
                        .map(m -> new Matching.BookItem(m.entryId(), m.sequence(), dates.get(m.entryId()), m.amountFen(), m.description())).toList());
        return ReconciliationView.of(community, day, lines, movements, dates, matches, journal.sumsPostedBefore(communityId, from),
                journal.sumsPostedBefore(communityId, until), journal.accounts(communityId), store.entryNotes(communityId));
    }

    /**
     * Posts the entry a bank line lacks — a bank charge, interest, an unknown deposit into suspense —
     * dated the line's day, and pairs it with the line.
     */
    @Transactional
    public Reconciliation.BankOnly post(Viewer viewer, UUID communityId, UUID lineId, String account, String note) {
        CommunityCopy community = access.adminOf(viewer, communityId);
        BankStatementStore.Stored line = unresolved(communityId, lineId);
        String why = note == null ? null : text(note); // optional, but when given it must say something
        Set<String> allowed = line.amountFen() > 0 ? MONEY_IN_ACCOUNTS : MONEY_OUT_ACCOUNTS;
        if (account == null || !allowed.contains(account)) {
            throw ProblemException.invalid("account", "a line of money %s posts against one of %s".formatted(line.amountFen() > 0 ? "in" : "out",
                    allowed.stream().sorted().toList()));
        }
        books.open(communityId);
        Books.Placed placed = books.place(communityId, line.valueDate().atStartOfDay(community.zone()).toInstant());
        String description = "银行对账：%s %s%s".formatted(line.description().isEmpty() ? "银行流水" : line.description(), line.reference(),
                why == null ? "" : "（" + why + "）");
        UUID entryId = journal.post(communityId, List.of(new NewEntry(placed.period(), placed.belongsTo(), description, "bank-line:" + lineId, null,
                List.of(new Posting(ChartOfAccounts.BANK, line.amountFen()), new Posting(account, -line.amountFen()))))).getFirst().id();
        valueDates.recordAll(communityId, Map.of(entryId, line.valueDate()));
        store.resolve(communityId, lineId, "POSTED", entryId, why, viewer.subject(), viewer.username(), clock.instant());
        return view(find(communityId, lineId));
    }

    /** Explains a bank line that needs no entry of its own (e.g. the bank's own correction pair); it stays listed with the note. */
    @Transactional
    public Reconciliation.BankOnly explainLine(Viewer viewer, UUID communityId, UUID lineId, String note) {
        access.adminOf(viewer, communityId);
        unresolved(communityId, lineId);
        store.resolve(communityId, lineId, "EXPLAINED", null, text(note), viewer.subject(), viewer.username(), clock.instant());
        return view(find(communityId, lineId));
    }

    /**
     * Explains an entry the bank has not shown (e.g. "paid in on Monday"); it stays listed with the
     * note until the bank shows it. A note is given once, and only to an entry that is a difference today.
     */
    @Transactional
    public void explainEntry(Viewer viewer, UUID communityId, UUID entryId, String note) {
        access.adminOf(viewer, communityId);
        String why = text(note);
        journal.entry(communityId, entryId).orElseThrow(() -> ProblemException.notFound("Entry", entryId));
        boolean difference = reconcile(viewer, communityId, null).inBooksNotInBank().stream().anyMatch(b -> b.entryId().equals(entryId));
        if (!difference) {
            throw ProblemException.conflict("entry " + entryId + " is not a difference: the bank shows it, or it does not touch the bank account");
        }
        if (!store.noteEntry(communityId, entryId, why, viewer.subject(), viewer.username(), clock.instant())) {
            throw ProblemException.conflict("this entry was explained already: a note is not changed; add to it in an objection");
        }
    }

    private BankStatementStore.Stored unresolved(UUID communityId, UUID lineId) {
        BankStatementStore.Stored line = find(communityId, lineId);
        if (line.resolution() != null) {
            throw ProblemException.conflict("this bank line was resolved already (%s by %s): a decision is not changed; explain further in an objection"
                    .formatted(line.resolution(), line.resolvedByName()));
        }
        return line;
    }

    private BankStatementStore.Stored find(UUID communityId, UUID lineId) {
        return store.line(communityId, lineId).orElseThrow(() -> ProblemException.notFound("Bank line", lineId));
    }

    private static Reconciliation.BankOnly view(BankStatementStore.Stored l) {
        return new Reconciliation.BankOnly(l.id(), l.valueDate(), l.reference(), l.description(), l.counterparty(), l.amountFen(), l.resolution(),
                l.entryId(), l.note());
    }

    private static String text(String note) {
        if (note == null || note.isBlank()) {
            throw ProblemException.invalid("note", "say why this differs, so the next reader need not ask");
        }
        if (note.length() > 500) {
            throw ProblemException.invalid("note", "at most 500 characters");
        }
        return note.strip();
    }

    static long micros(LocalDate day, ZoneId zone) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, day.atStartOfDay(zone).toInstant());
    }

    static LocalDate date(long micros, ZoneId zone) {
        return LocalDate.ofInstant(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), zone);
    }

}
