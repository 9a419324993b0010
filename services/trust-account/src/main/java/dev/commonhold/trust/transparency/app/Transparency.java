package dev.commonhold.trust.transparency.app;

import dev.commonhold.platform.ledger.Journal;
import dev.commonhold.platform.ledger.JournalEntry;
import dev.commonhold.platform.ledger.merkle.MerkleTree;
import dev.commonhold.platform.ledger.verify.TreeHead;
import dev.commonhold.platform.ledger.verify.TreeHeadSignatures;
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

    /** A closed month's head with everyone who signed it. */
    public record SignedHead(TreeHead head, List<Signatures.HeadSignature> signatures) {
    }

    private final TrustAccess access;
    private final Journal journal;
    private final MonthClosedEvents events;
    private final Signatures signatures;
    private final OperatorKey operatorKey;
    private final dev.commonhold.trust.remuneration.app.Remuneration remuneration;
    private final Clock clock;

    Transparency(TrustAccess access, Journal journal, MonthClosedEvents events, Signatures signatures, OperatorKey operatorKey,
                 dev.commonhold.trust.remuneration.app.Remuneration remuneration, Clock clock) {
        this.access = access;
        this.journal = journal;
        this.events = events;
        this.signatures = signatures;
        this.operatorKey = operatorKey;
        this.remuneration = remuneration;
        this.clock = clock;
    }

    /** The operator's public key (X.509, base64): compare it with the one the operator published elsewhere. */
    public String operatorPublicKey() {
        return java.util.Base64.getEncoder().encodeToString(operatorKey.get().getPublic().getEncoded());
    }

    /** A committee member registers the Ed25519 public key (X.509, base64) their countersignatures verify with. */
    @Transactional
    public void registerKey(Viewer viewer, UUID communityId, String publicKeyBase64) {
        CommunityCopy community = access.readable(viewer, communityId);
        UUID member = access.currentMember(viewer, community).memberId();
        byte[] key = decode(publicKeyBase64, "publicKey");
        try {
            java.security.KeyFactory.getInstance("Ed25519").generatePublic(new java.security.spec.X509EncodedKeySpec(key));
        } catch (java.security.GeneralSecurityException e) {
            throw ProblemException.invalid("publicKey", "must be an Ed25519 public key, X.509 SubjectPublicKeyInfo in base64");
        }
        signatures.registerMemberKey(communityId, member, key);
    }

    /** A committee member countersigns a closed month's head: the signature must verify with the key they registered. */
    @Transactional
    public SignedHead countersign(Viewer viewer, UUID communityId, YearMonth month, String signatureBase64) {
        CommunityCopy community = access.readable(viewer, communityId);
        var member = access.currentMember(viewer, community);
        TreeHead head = journal.closed(communityId, month).orElseThrow(() -> ProblemException.notFound("Closed month", month));
        byte[] key = signatures.memberKey(communityId, member.memberId())
                .orElseThrow(() -> ProblemException.invalid("signature", "register your public key first (PUT …/committee/keys/mine)"));
        byte[] signature = decode(signatureBase64, "signature");
        if (!TreeHeadSignatures.verify(head, signature, publicKey(key))) {
            throw ProblemException.invalid("signature", "does not verify with your registered key over this head's signedBytes");
        }
        signatures.sign(communityId, month, new Signatures.HeadSignature(member.memberId().toString(), member.name(), key, signature));
        return new SignedHead(head, signatures.of(communityId, month));
    }

    public List<SignedHead> signedHeads(Viewer viewer, UUID communityId) {
        return heads(viewer, communityId).stream().map(h -> new SignedHead(h, signatures.of(communityId, h.period()))).toList();
    }

    private static java.security.PublicKey publicKey(byte[] x509) {
        try {
            return java.security.KeyFactory.getInstance("Ed25519").generatePublic(new java.security.spec.X509EncodedKeySpec(x509));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String base64, String field) {
        try {
            return java.util.Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be base64");
        }
    }

    /** Closes a month that has ended (in the community's time zone): it takes no more entries, and its tree head is published. */
    @Transactional
    public SignedHead close(Viewer viewer, UUID communityId, YearMonth month) {
        CommunityCopy community = access.adminOf(viewer, communityId);
        if (!month.isBefore(YearMonth.now(clock.withZone(community.zone())))) {
            throw ProblemException.invalid("month", month + " has not ended yet: a month is closed once it is over");
        }
        journal.closedPeriods(communityId).stream().map(TreeHead::period).filter(month::isBefore).findFirst().ifPresent(later -> {
            throw ProblemException.invalid("month", "months close in order and " + later + " is closed already: a late item for " + month
                    + " posts in the open month, naming " + month);
        });
        boolean first = journal.closed(communityId, month).isEmpty();
        if (first) {
            remuneration.accrue(communityId, month); // the month's own line, before the month is fixed
        }
        TreeHead head = journal.closePeriod(communityId, month);
        if (first) {
            var key = operatorKey.get();
            signatures.sign(communityId, month, new Signatures.HeadSignature("operator", "operator", key.getPublic().getEncoded(),
                    TreeHeadSignatures.sign(head, key.getPrivate())));
            events.closed(head);
        }
        return new SignedHead(head, signatures.of(communityId, month));
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
        MerkleTree tree = tree(communityId, size);
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
        MerkleTree tree = tree(communityId, to);
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

    /** The tree of the first {@code size} entries; a journal missing some of them was tampered with, and says so. */
    private MerkleTree tree(UUID communityId, long size) {
        List<byte[]> leaves = journal.leafHashes(communityId, size);
        if (leaves.size() != size) {
            throw ProblemException.conflict("the journal holds %d of its first %d entries: it was changed behind the service; export it and run the verifier"
                    .formatted(leaves.size(), size));
        }
        return new MerkleTree(leaves);
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
