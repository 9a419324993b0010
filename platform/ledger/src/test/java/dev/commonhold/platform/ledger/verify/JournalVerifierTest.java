package dev.commonhold.platform.ledger.verify;

import dev.commonhold.platform.ledger.JournalEntry;
import dev.commonhold.platform.ledger.NewEntry;
import dev.commonhold.platform.ledger.Posting;
import dev.commonhold.platform.ledger.merkle.MerkleTree;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.commonhold.platform.ledger.Posting.credit;
import static dev.commonhold.platform.ledger.Posting.debit;
import static org.assertj.core.api.Assertions.assertThat;

/** The verifier names the entry a change shows at, from the export and a kept tree head alone. */
class JournalVerifierTest {

    private static final UUID LEDGER = UUID.randomUUID();

    static List<JournalEntry> chain(int n) {
        List<JournalEntry> entries = new ArrayList<>();
        byte[] prev = JournalEntry.GENESIS;
        for (int i = 0; i < n; i++) {
            JournalEntry e = JournalEntry.seal(UUID.randomUUID(), LEDGER, i, 1_000L + i, NewEntry.of(YearMonth.of(2026, 11), "收入 " + i, "s" + i,
                    List.of(debit("1002", 100 + i), credit("4101", 100 + i))), prev);
            entries.add(e);
            prev = e.leafHash();
        }
        return entries;
    }

    static JournalVerifier verify(List<JournalEntry> entries, TreeHead... heads) {
        JournalVerifier verifier = new JournalVerifier();
        entries.forEach(verifier::accept);
        for (TreeHead head : heads) {
            verifier.checkHead(head);
        }
        return verifier;
    }

    static TreeHead head(List<JournalEntry> entries) {
        return new TreeHead(LEDGER, YearMonth.of(2026, 11), entries.size(),
                new MerkleTree(entries.stream().map(JournalEntry::leafHash).toList()).root(entries.size()), 5L);
    }

    @Test
    void anUntouchedJournalIsIntact() {
        List<JournalEntry> entries = chain(10);
        assertThat(verify(entries, head(entries)).findings()).isEmpty();
    }

    @Test
    void aChangedAmountIsNamedAtItsEntry() {
        List<JournalEntry> entries = new ArrayList<>(chain(10));
        JournalEntry e = entries.get(4);
        entries.set(4, new JournalEntry(e.id(), e.ledgerId(), e.sequence(), e.period(), e.belongsTo(), e.postedAtMicros(), e.description(),
                e.source(), e.reverses(), List.of(debit("1002", 1), credit("4101", 1)), e.prevHash(), e.leafHash()));

        List<JournalVerifier.Finding> findings = verify(entries).findings();

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.sequence()).isEqualTo(4);
            assertThat(f.entryId()).isEqualTo(e.id());
            assertThat(f.problem()).contains("was changed after it was posted");
        });
    }

    @Test
    void aDeletedEntryIsNamedAsAGap() {
        List<JournalEntry> entries = new ArrayList<>(chain(10));
        entries.remove(6);

        assertThat(verify(entries).findings()).singleElement()
                .satisfies(f -> assertThat(f.toString()).isEqualTo("entry #6: is missing: #5 is followed by #7 (deleted?)"));
    }

    @Test
    void aRewrittenEntryWithItsHashRecomputedBreaksTheChainAtTheNextOne() {
        List<JournalEntry> entries = new ArrayList<>(chain(10));
        JournalEntry e = entries.get(2);
        entries.set(2, JournalEntry.seal(e.id(), LEDGER, 2, e.postedAtMicros(), NewEntry.of(e.period(), e.description(), e.source(),
                List.of(debit("1002", 1), credit("4101", 1))), e.prevHash()));

        assertThat(verify(entries).findings()).singleElement()
                .satisfies(f -> assertThat(f.sequence()).isEqualTo(3))
                .satisfies(f -> assertThat(f.problem()).contains("does not follow the entry before it"));
    }

    @Test
    void aHistoryRewrittenAndRechainedFailsOnlyAgainstTheHeadAResidentKept() {
        List<JournalEntry> original = chain(8);
        TreeHead kept = head(original);
        List<JournalEntry> rewritten = new ArrayList<>(original.subList(0, 3));
        byte[] prev = rewritten.getLast().leafHash();
        for (JournalEntry e : original.subList(3, 8)) {
            List<Posting> postings = e.sequence() == 3 ? List.of(debit("1002", 1), credit("4101", 1)) : e.postings();
            JournalEntry forged = JournalEntry.seal(e.id(), LEDGER, e.sequence(), e.postedAtMicros(), NewEntry.of(e.period(), e.description(),
                    e.source(), postings), prev);
            rewritten.add(forged);
            prev = forged.leafHash();
        }

        assertThat(verify(rewritten).findings()).as("internally consistent").isEmpty();
        assertThat(verify(rewritten, kept).findings()).singleElement()
                .satisfies(f -> assertThat(f.problem()).contains("not the root").contains("signed for 2026-11"));
    }

    @Test
    void signaturesOfOperatorAndCommitteeAreChecked() throws Exception {
        List<JournalEntry> entries = chain(5);
        TreeHead head = head(entries);
        KeyPair operator = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair committee = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] signed = TreeHeadSignatures.sign(head, operator.getPrivate());
        byte[] countersigned = TreeHeadSignatures.sign(head, committee.getPrivate());

        JournalVerifier good = verify(entries);
        good.checkSignedHead(head, signed, operator.getPublic(), countersigned, committee.getPublic());
        assertThat(good.findings()).isEmpty();

        JournalVerifier swapped = verify(entries);
        swapped.checkSignedHead(head, countersigned, operator.getPublic(), countersigned, committee.getPublic());
        assertThat(swapped.findings()).singleElement().satisfies(f -> assertThat(f.problem()).contains("operator's signature"));

        TreeHead other = new TreeHead(head.ledgerId(), head.period(), head.size(), head.rootHash(), head.timestampMicros() + 1);
        assertThat(TreeHeadSignatures.verify(other, signed, operator.getPublic())).as("a head changed after signing").isFalse();
    }
}
