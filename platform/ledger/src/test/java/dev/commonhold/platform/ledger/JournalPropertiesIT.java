package dev.commonhold.platform.ledger;

import dev.commonhold.platform.ledger.merkle.MerkleProofs;
import dev.commonhold.platform.ledger.merkle.MerkleTree;
import dev.commonhold.platform.ledger.verify.JournalVerifier;
import dev.commonhold.platform.ledger.verify.TreeHead;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random runs of postings, redeliveries, reversals and month closes against real PostgreSQL: after
 * every run the trial balance is zero, each balance is the sum of its postings and of what the model
 * expects, the chain verifies, and every closed month's head provably extends the one before.
 */
class JournalPropertiesIT {

    private static final List<String> ACCOUNTS = List.of("1002", "1122", "2203", "4101", "5101");

    sealed interface Op permits Post, Repost, Reverse, Close {
    }

    /** An entry debiting one account and crediting one to three others. */
    record Post(int debit, List<Integer> credits, List<Long> amounts) implements Op {
    }

    /** The {@code pick}-th posted entry delivered again (its source already posted). */
    record Repost(int pick) implements Op {
    }

    record Reverse(int pick) implements Op {
    }

    /** Closes the current month; later entries go to the next one. */
    record Close() implements Op {
    }

    @Property(tries = 40)
    void everyInvariantHoldsAfterAnyRun(@ForAll("runs") List<Op> run) {
        Journal journal = LedgerDatabase.get().journal;
        UUID ledger = UUID.randomUUID();
        journal.openLedger(ledger, ACCOUNTS.stream().map(c -> new Account(c, "科目 " + c, Account.Type.ASSET)).toList());
        Map<String, Long> expected = new HashMap<>();
        List<NewEntry> posted = new ArrayList<>();
        List<JournalEntry> reversible = new ArrayList<>();
        YearMonth month = YearMonth.of(2026, 1);
        int sources = 0;
        for (Op op : run) {
            switch (op) {
                case Post p -> {
                    NewEntry entry = NewEntry.of(month, "随机分录", "s" + sources++, postings(p));
                    reversible.addAll(journal.post(ledger, List.of(entry)));
                    posted.add(entry);
                    entry.postings().forEach(x -> expected.merge(x.account(), x.amountFen(), Long::sum));
                }
                case Repost r when !posted.isEmpty() -> {
                    NewEntry again = posted.get(r.pick() % posted.size());
                    assertThat(journal.post(ledger, List.of(new NewEntry(month, null, again.description(), again.source(), null, again.postings()))))
                            .as("a redelivery posts nothing").isEmpty();
                }
                case Reverse r when !reversible.isEmpty() -> {
                    JournalEntry original = reversible.remove(r.pick() % reversible.size());
                    journal.reverse(ledger, original.id(), month, "冲销", "r" + sources++);
                    original.postings().forEach(x -> expected.merge(x.account(), -x.amountFen(), Long::sum));
                }
                case Close c -> {
                    journal.closePeriod(ledger, month);
                    month = month.plusMonths(1);
                }
                default -> {
                }
            }
        }
        Map<String, Long> balances = journal.balances(ledger);
        assertThat(balances.values().stream().mapToLong(Long::longValue).sum()).as("trial balance").isZero();
        ACCOUNTS.forEach(a -> assertThat(balances.get(a)).as(a).isEqualTo(expected.getOrDefault(a, 0L)).isEqualTo(postedSum(ledger, a)));
        JournalVerifier verifier = new JournalVerifier();
        journal.entries(ledger, 0, 100_000).forEach(verifier::accept);
        List<TreeHead> heads = journal.closedPeriods(ledger);
        heads.forEach(verifier::checkHead);
        assertThat(verifier.findings()).isEmpty();
        MerkleTree tree = new MerkleTree(journal.leafHashes(ledger, journal.size(ledger)));
        for (int i = 1; i < heads.size(); i++) {
            TreeHead earlier = heads.get(i - 1);
            TreeHead later = heads.get(i);
            if (earlier.size() > 0) {
                MerkleProofs.verifyConsistency(earlier.size(), later.size(), tree.consistencyProof((int) earlier.size(), (int) later.size()),
                        earlier.rootHash(), later.rootHash());
            }
        }
    }

    private static List<Posting> postings(Post p) {
        List<Posting> legs = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < p.credits().size(); i++) {
            legs.add(Posting.credit(ACCOUNTS.get(p.credits().get(i)), p.amounts().get(i)));
            total += p.amounts().get(i);
        }
        legs.addFirst(Posting.debit(ACCOUNTS.get(p.debit()), total));
        return legs;
    }

    private static long postedSum(UUID ledger, String account) {
        Long sum = LedgerDatabase.get().jdbc.queryForObject("SELECT coalesce(sum(amount_fen), 0) FROM journal_posting WHERE ledger_id = ? AND account_code = ?",
                Long.class, ledger, account);
        return sum == null ? 0 : sum;
    }

    @Provide
    Arbitrary<List<Op>> runs() {
        Arbitrary<Integer> account = Arbitraries.integers().between(0, ACCOUNTS.size() - 1);
        Arbitrary<Op> post = Arbitraries.integers().between(1, 3).flatMap(legs -> Combinators.combine(account,
                account.list().ofSize(legs), Arbitraries.longs().between(1, 100_000_000L).list().ofSize(legs)).as(Post::new));
        Arbitrary<Op> repost = Arbitraries.integers().between(0, 1_000).map(Repost::new);
        Arbitrary<Op> reverse = Arbitraries.integers().between(0, 1_000).map(Reverse::new);
        Arbitrary<Op> close = Arbitraries.just(new Close());
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, post), net.jqwik.api.Tuple.of(1, repost), net.jqwik.api.Tuple.of(2, reverse),
                net.jqwik.api.Tuple.of(1, close)).list().ofMinSize(1).ofMaxSize(30);
    }
}
