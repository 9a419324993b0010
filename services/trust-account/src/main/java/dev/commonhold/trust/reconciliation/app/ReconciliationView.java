package dev.commonhold.trust.reconciliation.app;

import dev.commonhold.platform.ledger.Account;
import dev.commonhold.platform.ledger.Movement;
import dev.commonhold.trust.books.domain.ChartOfAccounts;
import dev.commonhold.trust.reconciliation.domain.Matching;
import dev.commonhold.trust.register.CommunityCopy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Puts the three figures and the two lists of differences together from the lines, the movements and their pairing. */
final class ReconciliationView {

    private ReconciliationView() {
    }

    /** @param dates each movement's value date (the day the money moved) */
    static Reconciliation of(CommunityCopy community, LocalDate day, List<BankStatementStore.Stored> lines, List<Movement> movements,
                             Map<UUID, LocalDate> dates, List<Matching.Match> matches, Map<String, Long> before, Map<String, Long> until,
                             List<Account> accounts, Map<UUID, BankStatementStore.EntryNote> notes) {
        Set<UUID> pairedLines = new HashSet<>();
        Set<UUID> pairedEntries = new HashSet<>();
        matches.forEach(m -> {
            pairedLines.add(m.lineId());
            pairedEntries.addAll(m.entryIds());
        });
        lines.stream().filter(l -> l.entryId() != null).forEach(l -> {
            pairedLines.add(l.id());
            pairedEntries.add(l.entryId());
        });
        List<Reconciliation.BankOnly> bankOnly = lines.stream().filter(l -> !pairedLines.contains(l.id()))
                .map(l -> new Reconciliation.BankOnly(l.id(), l.valueDate(), l.reference(), l.description(), l.counterparty(), l.amountFen(),
                        l.resolution(), l.entryId(), l.note())).toList();
        List<Reconciliation.BooksOnly> booksOnly = movements.stream().filter(m -> !pairedEntries.contains(m.entryId()))
                .map(m -> {
                    BankStatementStore.EntryNote note = notes.get(m.entryId());
                    LocalDate date = dates.get(m.entryId());
                    return new Reconciliation.BooksOnly(m.entryId(), m.sequence(), date, m.description(), m.amountFen(),
                            note == null ? null : note.note(), date.isAfter(lines.getLast().valueDate()));
                }).toList();
        long bank = lines.getLast().balanceFen();
        long ledgerBank = until.getOrDefault(ChartOfAccounts.BANK, 0L);
        List<Reconciliation.Held> held = held(accounts, until);
        long adjusted = bank - bankOnly.stream().mapToLong(Reconciliation.BankOnly::amountFen).sum()
                + booksOnly.stream().mapToLong(Reconciliation.BooksOnly::amountFen).sum();
        long heldFen = held.stream().mapToLong(Reconciliation.Held::fen).sum();
        int unresolved = (int) (bankOnly.stream().filter(b -> b.resolution() == null).count() + booksOnly.stream().filter(b -> b.note() == null && !b.afterStatement()).count());
        return new Reconciliation(community.id(), day, lines.getFirst().valueDate(), lines.getLast().valueDate(), lines.getFirst().balanceFen() - lines.getFirst().amountFen(),
                before.getOrDefault(ChartOfAccounts.BANK, 0L), bank, ledgerBank, heldFen, held, pairedLines.size(), bankOnly, booksOnly, adjusted,
                unresolved, adjusted == ledgerBank && ledgerBank == heldFen);
    }

    /**
     * Whose the money in the account is: the owners' fund (equity, income less expenses) as one line,
     * each liability (deposits, merchants', government pass-through, suspense…) as its own, and the
     * other assets (money in transit, receivables) as what is owed to the account. Credit balances
     * read as positive amounts held.
     */
    private static List<Reconciliation.Held> held(List<Account> accounts, Map<String, Long> sums) {
        List<Reconciliation.Held> held = new ArrayList<>();
        long owners = 0;
        for (Account a : accounts) {
            long balance = sums.getOrDefault(a.code(), 0L);
            switch (a.type()) {
                case EQUITY, INCOME, EXPENSE -> owners -= balance;
                case LIABILITY -> {
                    if (balance != 0) {
                        held.add(new Reconciliation.Held(a.code(), a.name(), -balance));
                    }
                }
                case ASSET -> {
                    if (!a.code().equals(ChartOfAccounts.BANK) && balance != 0) {
                        held.add(new Reconciliation.Held(a.code(), a.name(), -balance));
                    }
                }
            }
        }
        held.addFirst(new Reconciliation.Held(ChartOfAccounts.OWNERS_EQUITY, "全体业主资金（权益＋收入－支出）", owners));
        return held;
    }
}
