package dev.commonhold.trust.transparency.app;

import dev.commonhold.platform.ledger.Journal;
import dev.commonhold.platform.ledger.JournalEntry;
import dev.commonhold.platform.ledger.merkle.MerkleTree;
import dev.commonhold.platform.ledger.verify.TreeHead;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.trust.register.CommunityCopy;
import dev.commonhold.trust.register.TrustAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * How anyone holds the operator to the books without trusting our servers: each closed month fixes
 * a tree head (size and RFC 9162 root of the whole journal so far); an inclusion proof shows an
 * entry is in a head, a consistency proof that a later head extends an earlier one, and the export
 * lets a verifier recompute everything (platform/ledger/FORMAT.md).
 */
@Service
public class Transparency {

    /** An audit path: hashes in hex, from the leaf up. */
    public record InclusionProof(long leafIndex, long treeSize, String leafHash, List<String> path, String rootHash) {
    }

    public record ConsistencyProof(long fromSize, long toSize, List<String> path, String fromRoot, String toRoot) {
    }

    private static final java.util.HexFormat HEX = java.util.HexFormat.of();

    private final TrustAccess access;
    private final Journal journal;
    private final MonthClosedEvents events;
    private final Clock clock;

    Transparency(TrustAccess access, Journal journal, MonthClosedEvents events, Clock clock) {
        this.access = access;
        this.journal = journal;
        this.events = events;
        this.clock = clock;
    }

    /** Closes a month that has ended (in the community's time zone): it takes no more entries, and its tree head is published. */
    @Transactional
    public TreeHead close(Viewer viewer, UUID communityId, YearMonth month) {
        CommunityCopy community = access.adminOf(viewer, communityId);
        if (!month.isBefore(YearMonth.now(clock.withZone(community.zone())))) {
            throw ProblemException.invalid("month", month + " has not ended yet: a month is closed once it is over");
        }
        boolean first = journal.closed(communityId, month).isEmpty();
        TreeHead head = journal.closePeriod(communityId, month);
        if (first) {
            events.closed(head);
        }
        return head;
    }

    public List<TreeHead> heads(Viewer viewer, UUID communityId) {
        access.readable(viewer, communityId);
        return journal.closedPeriods(communityId);
    }

    /** Entry {@code sequence} is in the log of the first {@code size} entries (a head's size). */
    public InclusionProof inclusion(Viewer viewer, UUID communityId, long sequence, long size) {
        access.readable(viewer, communityId);
        requireSize(communityId, size, "size");
        if (sequence < 0 || sequence >= size) {
            throw ProblemException.invalid("entry", "entry #" + sequence + " is not among the first " + size);
        }
        MerkleTree tree = new MerkleTree(journal.leafHashes(communityId, size));
        return new InclusionProof(sequence, size, HEX.formatHex(tree.leafHashes().get((int) sequence)),
                hex(tree.inclusionProof((int) sequence, (int) size)), HEX.formatHex(tree.root((int) size)));
    }

    /** The log of {@code to} entries extends the log of {@code from}: nothing among the first {@code from} changed. */
    public ConsistencyProof consistency(Viewer viewer, UUID communityId, long from, long to) {
        access.readable(viewer, communityId);
        requireSize(communityId, to, "to");
        if (from < 1 || from > to) {
            throw ProblemException.invalid("from", "must be between 1 and to (" + to + ")");
        }
        MerkleTree tree = new MerkleTree(journal.leafHashes(communityId, to));
        return new ConsistencyProof(from, to, hex(tree.consistencyProof((int) from, (int) to)), HEX.formatHex(tree.root((int) from)),
                HEX.formatHex(tree.root((int) to)));
    }

    /** Every entry in log order, page by page, for a verifier. */
    public void export(Viewer viewer, UUID communityId, Consumer<JournalEntry> out) {
        access.readable(viewer, communityId);
        long from = 0;
        while (true) {
            List<JournalEntry> page = journal.entries(communityId, from, 5_000);
            page.forEach(out);
            if (page.size() < 5_000) {
                return;
            }
            from = page.getLast().sequence() + 1;
        }
    }

    private void requireSize(UUID communityId, long size, String field) {
        long entries = journal.size(communityId);
        if (size < 1 || size > entries) {
            throw ProblemException.invalid(field, "must be between 1 and the " + entries + " entries posted");
        }
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
