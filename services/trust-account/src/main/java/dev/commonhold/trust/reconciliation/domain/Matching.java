package dev.commonhold.trust.reconciliation.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Pairs bank statement lines with the books' movements of the bank account, as a bookkeeper would:
 * first a line whose bank reference the entry names (a transfer's 流水号), then the same amount
 * within {@link #WINDOW_DAYS} days, nearest first, then — for money in — a day's payments that the
 * channel paid in as one sum. Each entry and each line pairs at most once; what is left over is
 * the reconciliation's list of differences.
 */
public final class Matching {

    /** How far a bank date may lie from the posting date: a channel pays in T+1, a weekend adds two. */
    public static final int WINDOW_DAYS = 3;

    public record BankItem(UUID lineId, LocalDate date, long amountFen, String reference) {
    }

    public record BookItem(UUID entryId, long sequence, LocalDate date, long amountFen, String description) {
    }

    public enum How { REFERENCE, AMOUNT_AND_DATE, DAY_TOTAL }

    public record Match(UUID lineId, List<UUID> entryIds, How how) {
    }

    private Matching() {
    }

    /** Book items are looked up by amount and by day, not scanned per bank line: a month of a large community has a million of them. */
    public static List<Match> match(List<BankItem> bank, List<BookItem> book) {
        List<Match> matches = new ArrayList<>();
        Set<UUID> usedEntries = new HashSet<>();
        Set<UUID> usedLines = new HashSet<>();
        Map<Long, List<BookItem>> byAmount = new HashMap<>();
        Map<LocalDate, List<BookItem>> byDay = new HashMap<>();
        for (BookItem b : book) {
            byAmount.computeIfAbsent(b.amountFen(), a -> new ArrayList<>()).add(b);
            byDay.computeIfAbsent(b.date(), d -> new ArrayList<>()).add(b);
        }
        List<BankItem> lines = bank.stream().sorted(Comparator.comparing(BankItem::date)).toList();
        for (BankItem line : lines) {
            byAmount.getOrDefault(line.amountFen(), List.of()).stream().filter(b -> !usedEntries.contains(b.entryId()) && line.reference().length() >= 6
                            && b.description().contains(line.reference()))
                    .findFirst().ifPresent(b -> take(matches, usedLines, usedEntries, line, List.of(b), How.REFERENCE));
        }
        for (BankItem line : lines) {
            if (usedLines.contains(line.lineId())) {
                continue;
            }
            byAmount.getOrDefault(line.amountFen(), List.of()).stream().filter(b -> !usedEntries.contains(b.entryId())
                            && days(b.date(), line.date()) <= WINDOW_DAYS)
                    .min(Comparator.comparingLong((BookItem b) -> days(b.date(), line.date())).thenComparingLong(BookItem::sequence))
                    .ifPresent(b -> take(matches, usedLines, usedEntries, line, List.of(b), How.AMOUNT_AND_DATE));
        }
        for (BankItem line : lines) {
            if (!usedLines.contains(line.lineId()) && line.amountFen() > 0) {
                dayTotal(line, byDay, usedEntries).ifPresent(items -> take(matches, usedLines, usedEntries, line, items, How.DAY_TOTAL));
            }
        }
        return matches;
    }

    /** The unpaired money in of one day on or up to WINDOW_DAYS before the bank line, when it adds up to exactly the line; the latest day first. */
    private static java.util.Optional<List<BookItem>> dayTotal(BankItem line, Map<LocalDate, List<BookItem>> byDay, Set<UUID> usedEntries) {
        for (int back = 0; back <= WINDOW_DAYS; back++) {
            List<BookItem> items = byDay.getOrDefault(line.date().minusDays(back), List.of()).stream()
                    .filter(b -> !usedEntries.contains(b.entryId()) && b.amountFen() > 0).toList();
            if (items.size() > 1 && items.stream().mapToLong(BookItem::amountFen).sum() == line.amountFen()) {
                return java.util.Optional.of(items);
            }
        }
        return java.util.Optional.empty();
    }

    private static void take(List<Match> matches, Set<UUID> usedLines, Set<UUID> usedEntries, BankItem line, List<BookItem> items, How how) {
        usedLines.add(line.lineId());
        items.forEach(b -> usedEntries.add(b.entryId()));
        matches.add(new Match(line.lineId(), items.stream().map(BookItem::entryId).toList(), how));
    }

    private static long days(LocalDate a, LocalDate b) {
        return Math.abs(ChronoUnit.DAYS.between(a, b));
    }
}
