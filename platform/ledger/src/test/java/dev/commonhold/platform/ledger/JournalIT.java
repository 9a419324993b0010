package dev.commonhold.platform.ledger;

import dev.commonhold.platform.ledger.merkle.MerkleProofs;
import dev.commonhold.platform.ledger.merkle.MerkleTree;
import dev.commonhold.platform.ledger.verify.JournalVerifier;
import dev.commonhold.platform.ledger.verify.TreeHead;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.commonhold.platform.ledger.Posting.credit;
import static dev.commonhold.platform.ledger.Posting.debit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The journal on real PostgreSQL: what the code refuses, the database refuses too, and what a superuser changes, the verifier names. */
class JournalIT {

    static final YearMonth OCT = YearMonth.of(2026, 10);
    static final YearMonth NOV = YearMonth.of(2026, 11);
    static final List<Account> CHART = List.of(new Account("1002", "银行存款（共管账户）", Account.Type.ASSET),
            new Account("2203", "预收物业费", Account.Type.LIABILITY), new Account("4101", "物业费收入", Account.Type.INCOME),
            new Account("4102", "公共车位停车收入", Account.Type.INCOME), new Account("5101", "物业服务酬金", Account.Type.EXPENSE));

    final LedgerDatabase db = LedgerDatabase.get();
    final Journal journal = db.journal;
    final JdbcTemplate jdbc = db.jdbc;
    UUID ledger;

    @BeforeEach
    void openLedger() {
        ledger = UUID.randomUUID();
        journal.openLedger(ledger, CHART);
    }

    @Test
    void entriesPostInOrderAndBalancesAreTheSumsOfTheirPostings() {
        List<JournalEntry> posted = journal.post(ledger, List.of(
                NewEntry.of(NOV, "11月物业费", "settled:1", List.of(debit("1002", 145_00), credit("4101", 145_00))),
                NewEntry.of(NOV, "公共车位停车费", "settled:2", List.of(debit("1002", 30_00), credit("4102", 30_00))),
                NewEntry.of(NOV, "11月酬金", "fee:11", List.of(debit("5101", 20_00), credit("1002", 20_00)))));

        assertThat(posted).extracting(JournalEntry::sequence).containsExactly(0L, 1L, 2L);
        assertThat(posted.get(1).prevHash()).isEqualTo(posted.get(0).leafHash());
        assertThat(journal.balances(ledger)).containsEntry("1002", 155_00L).containsEntry("4101", -145_00L)
                .containsEntry("4102", -30_00L).containsEntry("5101", 20_00L).containsEntry("2203", 0L);
        assertBooksHold();
    }

    @Test
    void anAccountsMovementsAndTheSumsBeforeAMomentAreWhatWasPostedInThatWindow() {
        List<JournalEntry> posted = journal.post(ledger, List.of(
                NewEntry.of(NOV, "11月物业费", "settled:1", List.of(debit("1002", 145_00), credit("4101", 145_00))),
                NewEntry.of(NOV, "11月酬金", "fee:11", List.of(debit("5101", 20_00), credit("1002", 20_00)))));
        long first = posted.get(0).postedAtMicros();
        long last = posted.get(1).postedAtMicros();

        assertThat(journal.movements(ledger, "1002", first, last + 1)).extracting(Movement::amountFen, Movement::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(145_00L, "settled:1"), org.assertj.core.groups.Tuple.tuple(-20_00L, "fee:11"));
        assertThat(journal.movements(ledger, "1002", last + 1, Long.MAX_VALUE)).isEmpty();
        assertThat(journal.movements(ledger, "4102", first, last + 1)).isEmpty();
        assertThat(journal.sumsPostedBefore(ledger, last + 1)).containsEntry("1002", 125_00L).containsEntry("5101", 20_00L);
        assertThat(journal.sumsPostedBefore(ledger, first)).isEmpty();
    }

    @Test
    void theSameSourcePostsOnceHoweverOftenItIsDelivered() {
        NewEntry settled = NewEntry.of(NOV, "11月物业费", "billing.payment-settled.v1:e-1", List.of(debit("1002", 100), credit("4101", 100)));

        assertThat(journal.post(ledger, List.of(settled, settled))).hasSize(1);
        assertThat(journal.post(ledger, List.of(settled))).isEmpty();

        assertThat(journal.size(ledger)).isEqualTo(1);
        assertThat(journal.balances(ledger)).containsEntry("1002", 100L);
    }

    @Test
    void anUnknownAccountOrAClosedMonthWritesNothing() {
        journal.post(ledger, List.of(NewEntry.of(OCT, "10月", null, List.of(debit("1002", 5), credit("4101", 5)))));
        journal.closePeriod(ledger, OCT);

        assertThatThrownBy(() -> journal.post(ledger, List.of(NewEntry.of(NOV, "ok", null, List.of(debit("1002", 5), credit("4101", 5))),
                NewEntry.of(NOV, "bad", null, List.of(debit("1002", 5), credit("9999", 5))))))
                .isInstanceOf(LedgerViolation.class).hasMessageContaining("no account 9999");
        assertThatThrownBy(() -> journal.post(ledger, List.of(NewEntry.of(OCT, "late", null, List.of(debit("1002", 5), credit("4101", 5))))))
                .isInstanceOf(LedgerViolation.class).hasMessageContaining("2026-10 is closed");

        assertThat(journal.size(ledger)).isEqualTo(1);
        JournalEntry late = journal.post(ledger, List.of(new NewEntry(NOV, OCT, "10月迟到的停车费", null, null,
                List.of(debit("1002", 7), credit("4102", 7))))).getFirst();
        assertThat(late.period()).isEqualTo(NOV);
        assertThat(late.belongsTo()).isEqualTo(OCT);
    }

    @Test
    void aReversalMirrorsTheOriginalOnceAndLeavesItInPlace() {
        JournalEntry original = journal.post(ledger, List.of(NewEntry.of(NOV, "误记", "s", List.of(debit("1002", 900), credit("4102", 900))))).getFirst();

        JournalEntry reversal = journal.reverse(ledger, original.id(), NOV, "冲销误记", "reversal:s");

        assertThat(reversal.reverses()).isEqualTo(original.id());
        assertThat(reversal.postings()).containsExactly(credit("1002", 900), debit("4102", 900));
        assertThat(journal.balances(ledger)).containsEntry("1002", 0L).containsEntry("4102", 0L);
        assertThat(journal.entry(ledger, original.id())).contains(original);
        assertThatThrownBy(() -> journal.reverse(ledger, original.id(), NOV, "again", "reversal:s2"))
                .isInstanceOf(LedgerViolation.class).hasMessageContaining("reversed already");
        assertThatThrownBy(() -> journal.post(ledger, List.of(new NewEntry(NOV, null, "half", null, reversal.id(),
                List.of(debit("1002", 1), credit("4102", 1))))))
                .isInstanceOf(LedgerViolation.class).hasMessageContaining("the other way round");
        assertBooksHold();
    }

    @Test
    void theDatabaseRefusesAnUnbalancedEntryWrittenAroundTheCode() {
        assertThatThrownBy(() -> db.asSuperuser("BEGIN",
                moveHead(1),
                insertEntry(UUID.randomUUID(), 0),
                "INSERT INTO journal_posting VALUES ((SELECT id FROM journal_entry WHERE ledger_id = '" + ledger + "'), 0, '" + ledger + "', '1002', 100)",
                "INSERT INTO journal_posting VALUES ((SELECT id FROM journal_entry WHERE ledger_id = '" + ledger + "'), 1, '" + ledger + "', '4101', -99)",
                "COMMIT"))
                .hasMessageContaining("does not balance: 2 postings summing to 1 fen");
        assertThat(journal.size(ledger)).isZero();
        assertThat(count("SELECT count(*) FROM ledger.journal_entry WHERE ledger_id = '" + ledger + "'")).isZero();
    }

    @Test
    void theServiceRoleCannotChangeOrDeleteAndNoOneCanAddLegsLater() {
        JournalEntry e = journal.post(ledger, List.of(NewEntry.of(NOV, "x", null, List.of(debit("1002", 5), credit("4101", 5))))).getFirst();

        assertThatThrownBy(() -> jdbc.update("UPDATE journal_entry SET description = 'y' WHERE id = ?", e.id()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM journal_posting WHERE entry_id = ?", e.id()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> db.asSuperuser("UPDATE journal_posting SET amount_fen = 6 WHERE entry_id = '" + e.id() + "' AND line = 0"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.asSuperuser("DELETE FROM journal_entry WHERE id = '" + e.id() + "'")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO journal_posting VALUES (?, 2, ?, '2203', 1)", e.id(), ledger))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("only be written with their entry");
        assertBooksHold();
    }

    @Test
    void aPostingWithoutItsEntryOrInAnotherLedgerIsRefusedEvenWithItsEntryInOneTransaction() {
        UUID other = UUID.randomUUID();
        journal.openLedger(other, CHART);
        UUID forged = UUID.randomUUID();

        assertThatThrownBy(() -> db.asSuperuser("BEGIN",
                "INSERT INTO journal_posting VALUES ('" + UUID.randomUUID() + "', 0, '" + ledger + "', '1002', 100)", "COMMIT"))
                .as("a posting of no entry").hasMessageContaining("only be written with their entry");
        assertThatThrownBy(() -> db.asSuperuser("BEGIN", moveHead(1), insertEntry(forged, 0),
                "INSERT INTO journal_posting VALUES ('" + forged + "', 0, '" + other + "', '1002', 100), ('" + forged + "', 1, '" + other + "', '4101', -100)",
                "COMMIT"))
                .as("postings of an entry of one ledger written into another").hasMessageContaining("only be written with their entry");

        assertThat(count("SELECT count(*) FROM ledger.journal_posting WHERE ledger_id IN ('" + ledger + "', '" + other + "')")).isZero();
        assertThat(journal.balances(other)).containsEntry("1002", 0L);
        assertBooksHold();
    }

    /** R__platform_ledger_append_checks: the head covers every entry, with no gap, and never moves back; an entry needs two legs. */
    @Test
    void theDatabaseKeepsTheLogWithoutGapsWrittenAroundTheCode() {
        journal.post(ledger, entries(NOV, 2));
        UUID id = UUID.randomUUID();
        String legs = "INSERT INTO journal_posting VALUES ('" + id + "', 0, '" + ledger + "', '1002', 100), ('" + id + "', 1, '" + ledger + "', '4101', -100)";

        assertThatThrownBy(() -> db.asSuperuser("BEGIN", insertEntry(id, 2), legs, "COMMIT"))
                .as("an entry appended without moving the head").hasMessageContaining("is not covered by the head");
        assertThatThrownBy(() -> db.asSuperuser("BEGIN", moveHead(4), insertEntry(id, 2), legs, "COMMIT"))
                .as("the head moved past an entry that is not there").hasMessageContaining("moved from 2 to 4 entries, but 1 of them are there");
        assertThatThrownBy(() -> db.asSuperuser("BEGIN", moveHead(3), insertEntry(id, 2),
                "INSERT INTO journal_posting VALUES ('" + id + "', 0, '" + ledger + "', '1002', 100)", "COMMIT"))
                .as("an entry of one leg").hasMessageContaining("does not balance: 1 postings summing to 100 fen");
        assertThatThrownBy(() -> db.asSuperuser("UPDATE ledger_head SET size = 1 WHERE ledger_id = '" + ledger + "'"))
                .as("the head moved back").hasMessageContaining("moved back from 2 to 1");

        assertThat(count("SELECT count(*) FROM ledger.journal_entry WHERE id = '" + id + "'")).as("nothing of the refused transactions").isZero();
        db.asSuperuser("BEGIN", moveHead(3), insertEntry(id, 2), legs, "COMMIT");
        assertThat(journal.size(ledger)).as("the same entry, with the head moved past it and both legs, is taken").isEqualTo(3);
        assertThat(count("SELECT count(*) FROM ledger.journal_posting WHERE entry_id = '" + id + "'")).isEqualTo(2);
    }

    /** Every check starts from the head: it cannot be created ahead, swapped for one further on, or removed; a reversal names an earlier entry. */
    @Test
    void aHeadStartsEmptyAndStaysAndAnEntryReversesOnlyAnEarlierOne() {
        journal.post(ledger, entries(NOV, 2));
        UUID fresh = UUID.randomUUID();

        assertThatThrownBy(() -> db.asSuperuser("INSERT INTO ledger_head VALUES ('" + fresh + "', 5, decode(repeat('00', 32), 'hex'))"))
                .as("a head created ahead of its entries").hasMessageContaining("would start with 5 entries");
        assertThatThrownBy(() -> db.asSuperuser("DELETE FROM ledger_head WHERE ledger_id = '" + ledger + "'"))
                .as("a head with entries removed").hasMessageContaining("has 2 entries: its head is never removed");
        assertThatThrownBy(() -> db.asSuperuser("WITH gone AS (DELETE FROM ledger_head WHERE ledger_id = '" + ledger + "' RETURNING *) "
                + "INSERT INTO ledger_head SELECT ledger_id, size + 10, last_hash FROM gone"))
                .as("a head swapped for one further on").hasMessageContaining("its head is never removed");
        UUID self = UUID.randomUUID();
        assertThatThrownBy(() -> db.asSuperuser("BEGIN", moveHead(3), insertEntry(self, 2).replace("description, prev_hash", "description, reverses, prev_hash")
                .replace("'forged', decode", "'forged', '" + self + "', decode"), "COMMIT"))
                .as("an entry reversing itself").hasMessageContaining("which is not an earlier entry of ledger " + ledger);

        assertThat(journal.size(ledger)).isEqualTo(2);
        assertBooksHold();
    }

    @Test
    void aClosedMonthFixesATreeHeadThatTheNextOneProvablyExtends() {
        journal.post(ledger, entries(OCT, 5));
        TreeHead october = journal.closePeriod(ledger, OCT);
        journal.post(ledger, entries(NOV, 7));
        TreeHead november = journal.closePeriod(ledger, NOV);

        assertThat(journal.closePeriod(ledger, NOV).rootHex()).as("closing twice answers the same head").isEqualTo(november.rootHex());
        MerkleTree tree = new MerkleTree(journal.leafHashes(ledger, november.size()));
        MerkleProofs.verifyConsistency(october.size(), november.size(), tree.consistencyProof(5, 12), october.rootHash(), november.rootHash());
        JournalEntry third = journal.entries(ledger, 2, 1).getFirst();
        MerkleProofs.verifyInclusion(2, november.size(), third.leafHash(), tree.inclusionProof(2, 12), november.rootHash());
        assertThatThrownBy(() -> db.asSuperuser(insertEntry(UUID.randomUUID(), 99).replace("'2026-11-01'", "'2026-10-01'")))
                .hasMessageContaining("2026-10").hasMessageContaining("is closed");
    }

    @Test
    void whatASuperuserChangesBehindTheTriggersTheVerifierNames() {
        journal.post(ledger, entries(OCT, 6));
        TreeHead kept = journal.closePeriod(ledger, OCT);
        JournalEntry fourth = journal.entries(ledger, 3, 1).getFirst();
        JournalEntry sixth = journal.entries(ledger, 5, 1).getFirst();

        db.asSuperuser("SET session_replication_role = replica",
                "UPDATE journal_posting SET amount_fen = amount_fen * 10 WHERE entry_id = '" + fourth.id() + "'",
                "DELETE FROM journal_posting WHERE entry_id = '" + sixth.id() + "'",
                "DELETE FROM journal_entry WHERE id = '" + sixth.id() + "'");

        JournalVerifier verifier = new JournalVerifier();
        journal.entries(ledger, 0, 100).forEach(verifier::accept);
        verifier.checkHead(kept);
        assertThat(verifier.findings()).extracting(JournalVerifier.Finding::toString).containsExactly(
                "entry #3 (" + fourth.id() + "): was changed after it was posted: its content hashes to "
                        + hex(fourth, 10) + ", its recorded hash is " + fourth.leafHashHex(),
                "entry #5: the tree head of 2026-10 covers 6 entries; the journal has 5 (entries were removed)");
    }

    private List<NewEntry> entries(YearMonth period, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> NewEntry.of(period, period + " 收入 " + i, period + ":" + i,
                List.of(debit("1002", 100 + i), credit("4101", 100 + i)))).toList();
    }

    /** The leaf hash of {@code e} with every amount multiplied by {@code factor}: what the verifier recomputes after the tampering. */
    private static String hex(JournalEntry e, int factor) {
        return JournalEntry.seal(e.id(), e.ledgerId(), e.sequence(), e.postedAtMicros(), new NewEntry(e.period(), e.belongsTo(), e.description(),
                e.source(), e.reverses(), e.postings().stream().map(p -> new Posting(p.account(), p.amountFen() * factor)).toList()), e.prevHash())
                .leafHashHex();
    }

    private String moveHead(long size) {
        return "UPDATE ledger_head SET size = %d WHERE ledger_id = '%s'".formatted(size, ledger);
    }

    private String insertEntry(UUID id, long sequence) {
        return "INSERT INTO journal_entry (id, ledger_id, sequence, period, posted_at_micros, description, prev_hash, leaf_hash) VALUES ('%s', '%s', %d, '2026-11-01', 0, 'forged', decode(repeat('00', 32), 'hex'), decode(repeat('00', 32), 'hex'))"
                .formatted(id, ledger, sequence);
    }

    private long count(String sql) {
        return Long.parseLong(db.postgres.query(db.database, sql).getFirst().getFirst());
    }

    /** Trial balance zero, every balance the sum of its postings, the chain intact. */
    void assertBooksHold() {
        Map<String, Long> balances = journal.balances(ledger);
        assertThat(balances.values().stream().mapToLong(Long::longValue).sum()).as("trial balance").isZero();
        Map<String, Long> sums = new java.util.HashMap<>();
        jdbc.query("SELECT account_code, sum(amount_fen) FROM journal_posting WHERE ledger_id = ? GROUP BY account_code",
                (java.sql.ResultSet rs) -> {
                    sums.put(rs.getString(1), rs.getLong(2));
                }, ledger);
        balances.forEach((code, balance) -> assertThat(balance).as(code).isEqualTo(sums.getOrDefault(code, 0L)));
        JournalVerifier verifier = new JournalVerifier();
        journal.entries(ledger, 0, 10_000).forEach(verifier::accept);
        assertThat(verifier.findings()).isEmpty();
    }
}
