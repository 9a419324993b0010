package dev.commonhold.platform.ledger;

import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.ledger.merkle.MerkleTree;
import dev.commonhold.platform.ledger.verify.TreeHead;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A double-entry journal (总账) in the service's own database: ledgers with their chart of
 * accounts, balanced entries appended in order with a hash chain and RFC 9162 leaf hashes, account
 * balances kept equal to the sum of their postings, and month closes that fix a tree head. Every
 * write runs in the caller's transaction, or its own; entries of one ledger are appended one
 * transaction at a time (the ledger's head row is locked), so the log has no gaps and no forks.
 */
public class Journal {

    private static final String ENTRY_COLUMNS = """
            id, ledger_id, sequence, period, belongs_to, posted_at_micros, description, source, reverses, prev_hash, leaf_hash""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public Journal(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Opens the ledger if it is new and adds the accounts it lacks; accounts it has are left as they are. */
    public void openLedger(UUID ledgerId, Collection<Account> accounts) {
        transaction.executeWithoutResult(s -> {
            jdbc.update("INSERT INTO ledger_head (ledger_id, size, last_hash) VALUES (?, 0, ?) ON CONFLICT DO NOTHING", ledgerId,
                    JournalEntry.GENESIS);
            jdbc.batchUpdate("INSERT INTO ledger_account (ledger_id, code, name, type) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    accounts.stream().map(a -> new Object[]{ledgerId, a.code(), a.name(), a.type().name()}).toList());
        });
    }

    /**
     * Appends the entries in order. An entry whose {@code source} was posted before (or earlier in
     * the same call) is skipped: a redelivered event posts once.
     *
     * @return the entries recorded by this call, in log order
     * @throws LedgerViolation for an unknown ledger or account, a closed period, or a reversal of what is
     *                         not in the ledger or was reversed already; nothing is written then
     */
    public List<JournalEntry> post(UUID ledgerId, List<NewEntry> entries) {
        return transaction.execute(s -> append(ledgerId, entries));
    }

    /** Posts the mirror image of {@code entryId} in {@code period}: the correction that leaves the original in place. */
    public JournalEntry reverse(UUID ledgerId, UUID entryId, YearMonth period, String description, String source) {
        JournalEntry original = entry(ledgerId, entryId)
                .orElseThrow(() -> new LedgerViolation("entryId", "ledger " + ledgerId + " has no entry " + entryId));
        NewEntry reversal = new NewEntry(period, null, description, source, entryId, original.postings().stream().map(Posting::reversed).toList());
        List<JournalEntry> posted = post(ledgerId, List.of(reversal));
        if (posted.isEmpty()) {
            throw new LedgerViolation("source", "a reversal with source " + source + " was posted before");
        }
        return posted.get(0);
    }

    /**
     * Two statements and the commit, however many entries: one locks the ledger's head and reads what
     * the checks need, one writes entries, postings, balances and the new head together.
     */
    private List<JournalEntry> append(UUID ledgerId, List<NewEntry> entries) {
        Facts facts = lockAndRead(ledgerId, entries);
        List<NewEntry> fresh = new ArrayList<>(entries.size());
        Set<String> sources = new HashSet<>(facts.postedSources());
        for (NewEntry e : entries) {
            if (e.source() == null || sources.add(e.source())) {
                fresh.add(e);
            }
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        requireOpenPeriods(fresh, facts.closedPeriods());
        requireAccounts(ledgerId, fresh, facts.knownAccounts());
        requireReversible(ledgerId, fresh);
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
        List<JournalEntry> recorded = new ArrayList<>(fresh.size());
        byte[] prev = facts.lastHash();
        long sequence = facts.size();
        for (NewEntry e : fresh) {
            JournalEntry sealed = JournalEntry.seal(Ids.newId(), ledgerId, sequence++, micros, e, prev);
            recorded.add(sealed);
            prev = sealed.leafHash();
        }
        write(ledgerId, recorded, sequence, prev);
        return recorded;
    }

    private record Facts(long size, byte[] lastHash, List<String> postedSources, List<String> closedPeriods, List<String> knownAccounts) {
    }

    private static final String LOCK_AND_READ = """
            SELECT h.size, h.last_hash,
                   ARRAY(SELECT source FROM journal_entry WHERE ledger_id = h.ledger_id AND source = ANY(?)),
                   ARRAY(SELECT to_char(period, 'YYYY-MM') FROM ledger_period WHERE ledger_id = h.ledger_id AND period = ANY(?)),
                   ARRAY(SELECT code FROM ledger_account WHERE ledger_id = h.ledger_id AND code = ANY(?))
            FROM ledger_head h WHERE h.ledger_id = ? FOR UPDATE OF h""";

    private Facts lockAndRead(UUID ledgerId, List<NewEntry> entries) {
        String[] sources = entries.stream().map(NewEntry::source).filter(java.util.Objects::nonNull).distinct().toArray(String[]::new);
        Date[] periods = entries.stream().map(e -> Date.valueOf(e.period().atDay(1))).distinct().toArray(Date[]::new);
        String[] accounts = entries.stream().flatMap(e -> e.postings().stream()).map(Posting::account).distinct().toArray(String[]::new);
        return jdbc.query(LOCK_AND_READ, (rs, i) -> new Facts(rs.getLong(1), rs.getBytes(2), strings(rs, 3), strings(rs, 4), strings(rs, 5)),
                sources, periods, accounts, ledgerId).stream().findFirst()
                .orElseThrow(() -> new LedgerViolation("ledgerId", "there is no ledger " + ledgerId));
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        return List.of((String[]) rs.getArray(column).getArray());
    }

    private static void requireOpenPeriods(List<NewEntry> entries, List<String> closed) {
        entries.stream().map(e -> e.period().toString()).filter(closed::contains).sorted().findFirst().ifPresent(period -> {
            throw new LedgerViolation("period", period + " is closed: post in the open period and name the month it belongs to");
        });
    }

    private static void requireAccounts(UUID ledgerId, List<NewEntry> entries, List<String> known) {
        List<String> unknown = entries.stream().flatMap(e -> e.postings().stream()).map(Posting::account).filter(a -> !known.contains(a))
                .distinct().sorted().toList();
        if (!unknown.isEmpty()) {
            throw new LedgerViolation("postings", "ledger " + ledgerId + " has no account " + String.join(", ", unknown));
        }
    }

    private void requireReversible(UUID ledgerId, List<NewEntry> entries) {
        Set<UUID> reversed = new HashSet<>();
        for (NewEntry e : entries) {
            if (e.reverses() == null) {
                continue;
            }
            if (!reversed.add(e.reverses()) || Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM journal_entry WHERE reverses = ?)", Boolean.class, e.reverses()))) {
                throw new LedgerViolation("reverses", "entry " + e.reverses() + " was reversed already");
            }
            JournalEntry original = entry(ledgerId, e.reverses())
                    .orElseThrow(() -> new LedgerViolation("reverses", "ledger " + ledgerId + " has no entry " + e.reverses()));
            if (!e.postings().equals(original.postings().stream().map(Posting::reversed).toList())) {
                throw new LedgerViolation("postings", "a reversal posts exactly the original's postings the other way round");
            }
        }
    }

    private static final String WRITE = """
            WITH entries AS (
                INSERT INTO journal_entry (id, ledger_id, sequence, period, belongs_to, posted_at_micros, description, source, reverses, prev_hash, leaf_hash)
                SELECT id, ?, seq, period, belongs_to, ?, description, source, reverses, decode(prev, 'hex'), decode(leaf, 'hex')
                FROM unnest(?::uuid[], ?::bigint[], ?::date[], ?::date[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[])
                     AS e(id, seq, period, belongs_to, description, source, reverses, prev, leaf)),
            postings AS (
                INSERT INTO journal_posting (entry_id, line, ledger_id, account_code, amount_fen)
                SELECT entry_id, line, ?, account, fen FROM unnest(?::uuid[], ?::int[], ?::text[], ?::bigint[]) AS p(entry_id, line, account, fen)),
            balances AS (
                UPDATE ledger_account a SET balance_fen = a.balance_fen + d.fen
                FROM unnest(?::text[], ?::bigint[]) AS d(code, fen) WHERE a.ledger_id = ? AND a.code = d.code)
            UPDATE ledger_head SET size = ?, last_hash = ? WHERE ledger_id = ?""";

    private void write(UUID ledgerId, List<JournalEntry> entries, long size, byte[] lastHash) {
        HexFormat hex = HexFormat.of();
        int n = entries.size();
        UUID[] ids = new UUID[n];
        Long[] sequences = new Long[n];
        Date[] periods = new Date[n];
        Date[] belongs = new Date[n];
        String[] descriptions = new String[n];
        String[] sources = new String[n];
        UUID[] reverses = new UUID[n];
        String[] prevs = new String[n];
        String[] leaves = new String[n];
        List<UUID> postingEntries = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        Map<String, Long> delta = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            JournalEntry e = entries.get(i);
            ids[i] = e.id();
            sequences[i] = e.sequence();
            periods[i] = Date.valueOf(e.period().atDay(1));
            belongs[i] = e.belongsTo() == null ? null : Date.valueOf(e.belongsTo().atDay(1));
            descriptions[i] = e.description();
            sources[i] = e.source();
            reverses[i] = e.reverses();
            prevs[i] = hex.formatHex(e.prevHash());
            leaves[i] = hex.formatHex(e.leafHash());
            for (int line = 0; line < e.postings().size(); line++) {
                Posting p = e.postings().get(line);
                postingEntries.add(e.id());
                lines.add(line);
                accounts.add(p.account());
                amounts.add(p.amountFen());
                delta.merge(p.account(), p.amountFen(), Math::addExact);
            }
        }
        jdbc.update(WRITE, ledgerId, entries.get(0).postedAtMicros(), ids, sequences, periods, belongs, descriptions, sources, reverses, prevs, leaves,
                ledgerId, postingEntries.toArray(UUID[]::new), lines.toArray(Integer[]::new), accounts.toArray(String[]::new), amounts.toArray(Long[]::new),
                delta.keySet().toArray(String[]::new), delta.values().toArray(Long[]::new), ledgerId,
                size, lastHash, ledgerId);
    }

    /**
     * The balances with the ledger locked for the rest of the caller's transaction (which this must
     * run in): a check of a balance before posting — enough money to pay — holds until the commit,
     * however many such payments run at once.
     */
    public Map<String, Long> lockedBalances(UUID ledgerId) {
        if (jdbc.queryForList("SELECT ledger_id FROM ledger_head WHERE ledger_id = ? FOR UPDATE", UUID.class, ledgerId).isEmpty()) {
            throw new LedgerViolation("ledgerId", "there is no ledger " + ledgerId);
        }
        return balances(ledgerId);
    }

    /** Balance of every account of the ledger, debit positive, in fen. */
    public Map<String, Long> balances(UUID ledgerId) {
        Map<String, Long> balances = new LinkedHashMap<>();
        jdbc.query("SELECT code, balance_fen FROM ledger_account WHERE ledger_id = ? ORDER BY code",
                (ResultSet rs) -> {
                    balances.put(rs.getString(1), rs.getLong(2));
                }, ledgerId);
        return balances;
    }

    /** What the entries posted in {@code period} moved, by account (debit positive, fen). */
    public Map<String, Long> sumsOfPeriod(UUID ledgerId, YearMonth period) {
        return sumsOfPeriods(ledgerId, period, period);
    }

    /** What the entries posted in the months {@code from} to {@code to} (both included) moved, by account (debit positive, fen). */
    public Map<String, Long> sumsOfPeriods(UUID ledgerId, YearMonth from, YearMonth to) {
        Map<String, Long> sums = new LinkedHashMap<>();
        jdbc.query("""
                SELECT p.account_code, sum(p.amount_fen) FROM journal_posting p JOIN journal_entry e ON e.id = p.entry_id
                WHERE e.ledger_id = ? AND e.period BETWEEN ? AND ? GROUP BY p.account_code ORDER BY p.account_code """,
                (ResultSet rs) -> {
                    sums.put(rs.getString(1), rs.getLong(2));
                }, ledgerId, Date.valueOf(from.atDay(1)), Date.valueOf(to.atDay(1)));
        return sums;
    }

    /** What the entries posted before {@code untilMicros} (epoch microseconds, excluded) moved, by account (debit positive, fen). */
    public Map<String, Long> sumsPostedBefore(UUID ledgerId, long untilMicros) {
        Map<String, Long> sums = new LinkedHashMap<>();
        jdbc.query("""
                SELECT p.account_code, sum(p.amount_fen) FROM journal_posting p JOIN journal_entry e ON e.id = p.entry_id
                WHERE e.ledger_id = ? AND e.posted_at_micros < ? GROUP BY p.account_code ORDER BY p.account_code """,
                (ResultSet rs) -> {
                    sums.put(rs.getString(1), rs.getLong(2));
                }, ledgerId, untilMicros);
        return sums;
    }

    /** Every posting to {@code account} by entries posted in [{@code fromMicros}, {@code untilMicros}) (epoch microseconds), in log order. */
    public List<Movement> movements(UUID ledgerId, String account, long fromMicros, long untilMicros) {
        return jdbc.query("""
                SELECT e.id, e.sequence, e.posted_at_micros, e.description, e.source, p.amount_fen
                FROM journal_posting p JOIN journal_entry e ON e.id = p.entry_id
                WHERE p.ledger_id = ? AND p.account_code = ? AND e.posted_at_micros >= ? AND e.posted_at_micros < ?
                ORDER BY e.sequence, p.line """,
                (rs, i) -> new Movement(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getLong(6)),
                ledgerId, account, fromMicros, untilMicros);
    }

    public List<Account> accounts(UUID ledgerId) {
        return jdbc.query("SELECT code, name, type FROM ledger_account WHERE ledger_id = ? ORDER BY code",
                (rs, i) -> new Account(rs.getString(1), rs.getString(2), Account.Type.valueOf(rs.getString(3))), ledgerId);
    }

    /** Entries posted so far. */
    public long size(UUID ledgerId) {
        Long size = jdbc.queryForObject("SELECT size FROM ledger_head WHERE ledger_id = ?", Long.class, ledgerId);
        return size == null ? 0 : size;
    }

    public Optional<JournalEntry> entry(UUID ledgerId, UUID entryId) {
        return withPostings(jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM journal_entry WHERE ledger_id = ? AND id = ?", HEADER,
                ledgerId, entryId)).stream().findFirst();
    }

    /** The entry {@code source} caused, if it was posted. */
    public Optional<JournalEntry> entryBySource(UUID ledgerId, String source) {
        return withPostings(jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM journal_entry WHERE ledger_id = ? AND source = ?", HEADER,
                ledgerId, source)).stream().findFirst();
    }

    /** Up to {@code limit} entries from {@code fromSequence} on, in log order, as they are stored now. */
    public List<JournalEntry> entries(UUID ledgerId, long fromSequence, int limit) {
        return withPostings(jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM journal_entry WHERE ledger_id = ? AND sequence >= ? ORDER BY sequence LIMIT ?",
                HEADER, ledgerId, fromSequence, limit));
    }

    /** Up to {@code limit} entries posted in {@code period} after sequence {@code afterSequence} (−1 for the first), in log order: a month a page at a time. */
    public List<JournalEntry> entriesOfPeriod(UUID ledgerId, YearMonth period, long afterSequence, int limit) {
        return withPostings(jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM journal_entry WHERE ledger_id = ? AND period = ? AND sequence > ? "
                + "ORDER BY sequence LIMIT ?", HEADER, ledgerId, Date.valueOf(period.atDay(1)), afterSequence, limit));
    }

    /** How many entries were posted in {@code period}. */
    public long countOfPeriod(UUID ledgerId, YearMonth period) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM journal_entry WHERE ledger_id = ? AND period = ?", Long.class, ledgerId,
                Date.valueOf(period.atDay(1)));
        return count == null ? 0 : count;
    }

    /** The recorded leaf hashes of the first {@code size} entries, in log order: the Merkle tree's leaves. */
    public List<byte[]> leafHashes(UUID ledgerId, long size) {
        return jdbc.query("SELECT leaf_hash FROM journal_entry WHERE ledger_id = ? AND sequence < ? ORDER BY sequence",
                (rs, i) -> rs.getBytes(1), ledgerId, size);
    }

    /**
     * Closes {@code period}: no entry may be posted in it from now on, and the tree head of the log
     * as it stands (every entry so far) is fixed for it. Closing a closed month answers its head.
     */
    public TreeHead closePeriod(UUID ledgerId, YearMonth period) {
        return transaction.execute(s -> {
            long size = jdbc.query("SELECT size FROM ledger_head WHERE ledger_id = ? FOR UPDATE", (rs, i) -> rs.getLong(1), ledgerId).stream()
                    .findFirst().orElseThrow(() -> new LedgerViolation("ledgerId", "there is no ledger " + ledgerId));
            Optional<TreeHead> closed = closed(ledgerId, period);
            if (closed.isPresent()) {
                return closed.get();
            }
            byte[] root = new MerkleTree(leafHashes(ledgerId, size)).root(Math.toIntExact(size));
            TreeHead tree = new TreeHead(ledgerId, period, size, root, ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant()));
            jdbc.update("INSERT INTO ledger_period (ledger_id, period, tree_size, root_hash, closed_at_micros) VALUES (?, ?, ?, ?, ?)",
                    ledgerId, Date.valueOf(period.atDay(1)), tree.size(), tree.rootHash(), tree.timestampMicros());
            return tree;
        });
    }

    public Optional<TreeHead> closed(UUID ledgerId, YearMonth period) {
        return jdbc.query("SELECT period, tree_size, root_hash, closed_at_micros FROM ledger_period WHERE ledger_id = ? AND period = ?",
                (rs, i) -> treeHead(ledgerId, rs), ledgerId, Date.valueOf(period.atDay(1))).stream().findFirst();
    }

    /** Every closed month's tree head, oldest first. */
    public List<TreeHead> closedPeriods(UUID ledgerId) {
        return jdbc.query("SELECT period, tree_size, root_hash, closed_at_micros FROM ledger_period WHERE ledger_id = ? ORDER BY period",
                (rs, i) -> treeHead(ledgerId, rs), ledgerId);
    }

    private static TreeHead treeHead(UUID ledgerId, ResultSet rs) throws SQLException {
        return new TreeHead(ledgerId, YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getLong(2), rs.getBytes(3), rs.getLong(4));
    }

    private static final RowMapper<JournalEntry> HEADER = (rs, i) -> new JournalEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getLong(3), YearMonth.from(rs.getObject(4, LocalDate.class)),
            rs.getObject(5, LocalDate.class) == null ? null : YearMonth.from(rs.getObject(5, LocalDate.class)), rs.getLong(6), rs.getString(7),
            rs.getString(8), rs.getObject(9, UUID.class), List.of(), rs.getBytes(10), rs.getBytes(11));

    private List<JournalEntry> withPostings(List<JournalEntry> headers) {
        if (headers.isEmpty()) {
            return headers;
        }
        Map<UUID, List<Posting>> postings = new HashMap<>();
        jdbc.query("SELECT entry_id, account_code, amount_fen FROM journal_posting WHERE entry_id = ANY(?) ORDER BY entry_id, line",
                (ResultSet rs) -> {
                    postings.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new Posting(rs.getString(2), rs.getLong(3)));
                }, (Object) headers.stream().map(JournalEntry::id).toArray(UUID[]::new));
        return headers.stream().map(h -> new JournalEntry(h.id(), h.ledgerId(), h.sequence(), h.period(), h.belongsTo(), h.postedAtMicros(),
                h.description(), h.source(), h.reverses(), postings.getOrDefault(h.id(), List.of()), h.prevHash(), h.leafHash())).toList();
    }
}
