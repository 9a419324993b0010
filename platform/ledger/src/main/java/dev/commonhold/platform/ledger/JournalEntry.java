package dev.commonhold.platform.ledger;

import dev.commonhold.platform.ledger.canonical.EntryEncoding;
import dev.commonhold.platform.ledger.merkle.MerkleTree;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * An entry as the journal recorded it: its place in the ledger's log ({@code sequence}, from 0),
 * the time it was posted (microseconds since 1970, UTC), the hash of the entry before it, and its
 * own leaf hash: {@code SHA-256(0x00 || canonical bytes)} ({@link EntryEncoding}), the leaf of the
 * ledger's RFC 9162 Merkle tree. Change any field and the leaf hash no longer matches.
 */
public record JournalEntry(UUID id, UUID ledgerId, long sequence, YearMonth period, YearMonth belongsTo, long postedAtMicros,
                           String description, String source, UUID reverses, List<Posting> postings, byte[] prevHash, byte[] leafHash) {

    /** The hash before the first entry of every ledger: 32 zero bytes. */
    public static final byte[] GENESIS = new byte[MerkleTree.HASH_BYTES];

    public JournalEntry {
        postings = List.copyOf(postings);
    }

    /** Records {@code entry} as the entry after the one hashed {@code prevHash}, its leaf hash computed. */
    public static JournalEntry seal(UUID id, UUID ledgerId, long sequence, long postedAtMicros, NewEntry entry, byte[] prevHash) {
        JournalEntry unsealed = new JournalEntry(id, ledgerId, sequence, entry.period(), entry.belongsTo(), postedAtMicros, entry.description(),
                entry.source(), entry.reverses(), entry.postings(), prevHash, GENESIS);
        return unsealed.withLeafHash(unsealed.computedLeafHash());
    }

    /** The same entry with another recorded leaf hash (as read back, or as a tamperer would write it). */
    public JournalEntry withLeafHash(byte[] hash) {
        return new JournalEntry(id, ledgerId, sequence, period, belongsTo, postedAtMicros, description, source, reverses, postings, prevHash, hash);
    }

    /** The canonical bytes this entry's leaf hash is taken over. */
    public byte[] canonical() {
        return EntryEncoding.canonical(this);
    }

    /** The leaf hash its content gives now (compare with {@link #leafHash()}, the one recorded). */
    public byte[] computedLeafHash() {
        return MerkleTree.leafHash(canonical());
    }

    public long sumFen() {
        return postings.stream().mapToLong(Posting::amountFen).sum();
    }

    public String leafHashHex() {
        return HexFormat.of().formatHex(leafHash);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JournalEntry e && id.equals(e.id) && sequence == e.sequence && Arrays.equals(leafHash, e.leafHash);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
