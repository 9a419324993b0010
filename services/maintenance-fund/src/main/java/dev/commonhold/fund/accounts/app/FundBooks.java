package dev.commonhold.fund.accounts.app;

import dev.commonhold.fund.accounts.domain.FundChart;
import dev.commonhold.fund.accounts.domain.Movement;
import dev.commonhold.platform.ledger.Journal;
import dev.commonhold.platform.ledger.JournalEntry;
import dev.commonhold.platform.ledger.NewEntry;
import dev.commonhold.platform.ledger.Posting;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Posts money moving into or out of the owners' sub-accounts: one balanced journal entry on the
 * community's fund ledger (2101 against the bank or a payable) and, behind it, one movement per
 * sub-account — so the sum of the sub-accounts stays the balance of 2101.
 */
@Component
public class FundBooks {

    private final Journal journal;
    private final SubAccounts subAccounts;
    private final Clock clock;

    FundBooks(Journal journal, SubAccounts subAccounts, Clock clock) {
        this.journal = journal;
        this.subAccounts = subAccounts;
        this.clock = clock;
    }

    public void open(UUID communityId) {
        journal.openLedger(communityId, FundChart.ACCOUNTS);
    }

    /**
     * @param counterAccount the other side of 2101: the bank for money in or refunded, the contractors' payable for a use
     * @param source         what caused it, unique in the ledger: posted again, nothing happens
     * @return false if this source was posted before
     */
    public boolean post(UUID communityId, ZoneId zone, String description, String source, String counterAccount, List<Movement> movements) {
        long net = movements.stream().mapToLong(Movement::amountFen).sum();
        if (net == 0) {
            throw new IllegalArgumentException("movements that net to 0 move nothing in the books");
        }
        Instant now = clock.instant();
        NewEntry entry = NewEntry.of(YearMonth.from(now.atZone(zone)), fit(description), source,
                List.of(new Posting(counterAccount, net), new Posting(FundChart.OWNERS, -net)));
        Optional<JournalEntry> posted = journal.post(communityId, List.of(entry)).stream().findFirst();
        posted.ifPresent(e -> subAccounts.record(communityId, e.id(), movements, now));
        return posted.isPresent();
    }

    /**
     * The same for a million sub-accounts at once (interest): one entry of {@code totalFen} into 2101,
     * and behind it one movement per unit written in bulk, shown with this entry's description and source.
     *
     * @return false if this source was posted before
     */
    public boolean postBulk(UUID communityId, ZoneId zone, String description, String source, String counterAccount, SubAccounts.Bulk bulk) {
        long total = java.util.Arrays.stream(bulk.amountsFen()).sum();
        NewEntry entry = NewEntry.of(YearMonth.from(clock.instant().atZone(zone)), fit(description), source,
                List.of(new Posting(counterAccount, total), new Posting(FundChart.OWNERS, -total)));
        Optional<JournalEntry> posted = journal.post(communityId, List.of(entry)).stream().findFirst();
        posted.ifPresent(e -> subAccounts.recordBulk(communityId, e.id(), bulk, clock.instant()));
        return posted.isPresent();
    }

    /** A journal line says what happened in at most 500 characters; a long project title and contractor name are cut, not refused. */
    private static String fit(String description) {
        return description.length() <= NewEntry.MAX_DESCRIPTION ? description : description.substring(0, NewEntry.MAX_DESCRIPTION - 1) + "…";
    }

    /** The ledger's own figure for what the fund owes the owners, fen (2101 is a credit balance). */
    public long owedToOwners(UUID communityId) {
        return -journal.balances(communityId).getOrDefault(FundChart.OWNERS, 0L);
    }
}
