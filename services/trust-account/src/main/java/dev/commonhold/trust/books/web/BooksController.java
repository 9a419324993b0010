package dev.commonhold.trust.books.web;

import dev.commonhold.platform.ledger.JournalEntry;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.trust.books.app.BookQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A community's trust account as its owners read it: balances and the journal, entry by entry. */
@RestController
@RequestMapping("/api/trust/communities/{communityId}")
class BooksController {

    /** One leg: account code and name, fen (debit positive). */
    record PostingView(String account, String accountName, long amountFen) {
    }

    /** An entry with everything needed to check it: its postings, the previous entry's hash and its own leaf hash (hex). */
    record EntryView(UUID id, long sequence, String period, String belongsTo, Instant postedAt, String description, String source, UUID reverses,
                     List<PostingView> postings, String prevHash, String leafHash) {
    }

    record EntryPage(List<EntryView> items, Long next) {
    }

    private final BookQueries queries;

    BooksController(BookQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/accounts")
    BookQueries.Balances accounts(Viewer viewer, @PathVariable UUID communityId) {
        return queries.balances(viewer, communityId);
    }

    @GetMapping("/entries")
    EntryPage entries(Viewer viewer, @PathVariable UUID communityId, @RequestParam(defaultValue = "0") long cursor,
                      @RequestParam(defaultValue = "100") int limit) {
        List<JournalEntry> entries = queries.entries(viewer, communityId, cursor, limit);
        Map<String, String> names = queries.accountNames(communityId);
        return new EntryPage(entries.stream().map(e -> view(e, names)).toList(), entries.size() < limit ? null : entries.getLast().sequence() + 1);
    }

    @GetMapping("/entries/{entryId}")
    EntryView entry(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID entryId) {
        return view(queries.entry(viewer, communityId, entryId), queries.accountNames(communityId));
    }

    static EntryView view(JournalEntry e, Map<String, String> names) {
        HexFormat hex = HexFormat.of();
        return new EntryView(e.id(), e.sequence(), e.period().toString(), e.belongsTo() == null ? null : e.belongsTo().toString(),
                Instant.EPOCH.plus(e.postedAtMicros(), ChronoUnit.MICROS), e.description(), e.source(), e.reverses(),
                e.postings().stream().map(p -> new PostingView(p.account(), names.get(p.account()), p.amountFen())).toList(),
                hex.formatHex(e.prevHash()), hex.formatHex(e.leafHash()));
    }
}
