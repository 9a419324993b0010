package dev.commonhold.platform.ledger.verify;

import dev.commonhold.platform.ledger.JournalEntry;
import dev.commonhold.platform.ledger.Posting;
import dev.commonhold.platform.ledger.merkle.MerkleTree;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Checks a ledger's journal as exported, entry by entry in log order, trusting nothing but the
 * entries and the tree heads a resident kept: every sequence number present once, every entry
 * hashing to the hash recorded for it and naming the one before it, every entry balanced, and the
 * log matching each signed tree head. A problem is named by the entry where it shows.
 */
public final class JournalVerifier {

    /** One problem: the entry it shows at (null id for a missing one) and what is wrong, in words. */
    public record Finding(long sequence, UUID entryId, String problem) {
        @Override
        public String toString() {
            return "entry #" + sequence + (entryId == null ? "" : " (" + entryId + ")") + ": " + problem;
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    private final List<Finding> findings = new ArrayList<>();
    private final List<byte[]> leaves = new ArrayList<>();
    private long expected;
    private byte[] previous = JournalEntry.GENESIS;

    /** Takes the next entry of the export. */
    public void accept(JournalEntry e) {
        boolean gap = false;
        if (e.sequence() > expected) {
            findings.add(new Finding(expected, null, e.sequence() - expected == 1
                    ? "is missing: #%d is followed by #%d (deleted?)".formatted(expected - 1, e.sequence())
                    : "to #%d are missing: #%d is followed by #%d (deleted?)".formatted(e.sequence() - 1, expected - 1, e.sequence())));
            gap = true;
        } else if (e.sequence() < expected) {
            findings.add(new Finding(e.sequence(), e.id(), "appears again or out of order after #" + (expected - 1)));
        }
        if (!gap && !Arrays.equals(e.prevHash(), previous)) {
            findings.add(new Finding(e.sequence(), e.id(), "does not follow the entry before it: it names %s as the previous hash, the entry before is recorded as %s (that entry was changed or replaced)"
                    .formatted(HEX.formatHex(e.prevHash()), HEX.formatHex(previous))));
        }
        byte[] computed = e.computedLeafHash();
        if (!Arrays.equals(computed, e.leafHash())) {
            findings.add(new Finding(e.sequence(), e.id(), "was changed after it was posted: its content hashes to %s, its recorded hash is %s"
                    .formatted(HEX.formatHex(computed), HEX.formatHex(e.leafHash()))));
        }
        long sum = e.postings().stream().mapToLong(Posting::amountFen).sum();
        if (e.postings().size() < 2 || sum != 0) {
            findings.add(new Finding(e.sequence(), e.id(), "does not balance: %d postings summing to %d fen".formatted(e.postings().size(), sum)));
        }
        leaves.add(computed);
        previous = e.leafHash();
        expected = Math.max(expected, e.sequence() + 1);
    }

    /** Holds the log to a tree head: its first {@code head.size()} entries, as they are now, must give its root. */
    public void checkHead(TreeHead head) {
        if (head.size() > leaves.size()) {
            findings.add(new Finding(head.size() - 1, null, "the tree head of %s covers %d entries; the journal has %d (entries were removed)"
                    .formatted(head.period(), head.size(), leaves.size())));
            return;
        }
        byte[] root = new MerkleTree(leaves).root(Math.toIntExact(head.size()));
        if (!Arrays.equals(root, head.rootHash())) {
            findings.add(new Finding(head.size() - 1, null, "the first %d entries give root %s, not the root %s signed for %s: one of them was changed since"
                    .formatted(head.size(), HEX.formatHex(root), head.rootHex(), head.period())));
        }
    }

    /** As {@link #checkHead}, and the operator's signature and the committee's countersignature must hold. */
    public void checkSignedHead(TreeHead head, byte[] operatorSignature, PublicKey operatorKey, byte[] witnessSignature, PublicKey witnessKey) {
        if (!TreeHeadSignatures.verify(head, operatorSignature, operatorKey)) {
            findings.add(new Finding(head.size() - 1, null, "the operator's signature on the tree head of " + head.period() + " does not verify"));
        }
        if (!TreeHeadSignatures.verify(head, witnessSignature, witnessKey)) {
            findings.add(new Finding(head.size() - 1, null, "the committee's countersignature on the tree head of " + head.period() + " does not verify"));
        }
        checkHead(head);
    }

    /** Entries taken so far. */
    public long entries() {
        return leaves.size();
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public boolean intact() {
        return findings.isEmpty();
    }
}
