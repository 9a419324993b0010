package dev.commonhold.trust.books.app;

import dev.commonhold.platform.ledger.Account;
import dev.commonhold.platform.ledger.Journal;
import dev.commonhold.platform.ledger.JournalEntry;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.trust.register.TrustAccess;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What every owner may read of their community's account (T4): balances, and every entry with its postings and hashes. */
@Service
public class BookQueries {

    /** An account and its balance in fen, debit positive (income and liabilities show negative: credit balances). */
    public record AccountBalance(String code, String name, Account.Type type, long balanceFen) {
    }

    /** @param trialBalanceFen the sum of every balance: 0 in balanced books */
    public record Balances(UUID communityId, String communityName, long entries, long trialBalanceFen, List<AccountBalance> accounts) {
    }

    private final TrustAccess access;
    private final Journal journal;

    BookQueries(TrustAccess access, Journal journal) {
        this.access = access;
        this.journal = journal;
    }

    public Balances balances(Viewer viewer, UUID communityId) {
        String name = access.readable(viewer, communityId).name();
        Map<String, Long> balances = journal.balances(communityId);
        List<AccountBalance> accounts = journal.accounts(communityId).stream()
                .map(a -> new AccountBalance(a.code(), a.name(), a.type(), balances.getOrDefault(a.code(), 0L))).toList();
        return new Balances(communityId, name, journal.size(communityId), accounts.stream().mapToLong(AccountBalance::balanceFen).sum(), accounts);
    }

    /** Up to {@code limit} (1 to 500) entries from sequence {@code from}, in the order they were posted. */
    public List<JournalEntry> entries(Viewer viewer, UUID communityId, long from, int limit) {
        access.readable(viewer, communityId);
        if (from < 0) {
            throw ProblemException.invalid("cursor", "must be 0 or more");
        }
        if (limit < 1 || limit > 500) {
            throw ProblemException.invalid("limit", "must be between 1 and 500");
        }
        return journal.entries(communityId, from, limit);
    }

    public JournalEntry entry(Viewer viewer, UUID communityId, UUID entryId) {
        access.readable(viewer, communityId);
        return journal.entry(communityId, entryId).orElseThrow(() -> ProblemException.notFound("Entry", entryId));
    }

    /** Account names by code, for showing postings. */
    public Map<String, String> accountNames(UUID communityId) {
        return journal.accounts(communityId).stream().collect(java.util.stream.Collectors.toMap(Account::code, Account::name));
    }
}
