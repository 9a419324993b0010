package dev.commonhold.leasing.leases.app;

import dev.commonhold.leasing.leases.domain.Lease;
import dev.commonhold.leasing.register.LeasingAccess;
import dev.commonhold.leasing.spaces.domain.LeasingRuleViolation;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The signed contract (L2) and its attachments: filed by the operator's staff, kept with the SHA-256
 * computed here; the contract must be the very file whose hash the lease recorded. PDF, JPEG or PNG,
 * 20 MB at most, recognised by their first bytes, not by the name they came with.
 */
@Service
public class Documents {

    static final int MAX_BYTES = 20 * 1024 * 1024;

    private final DocumentStore documents;
    private final LeaseStore leases;
    private final LeasingAccess access;
    private final Clock clock;

    Documents(DocumentStore documents, LeaseStore leases, LeasingAccess access, Clock clock) {
        this.documents = documents;
        this.leases = leases;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public DocumentStore.Document file(Viewer viewer, UUID communityId, UUID leaseId, DocumentStore.Kind kind, String fileName, byte[] content) {
        access.staffOf(viewer, communityId);
        Lease lease = leases.find(communityId, leaseId).orElseThrow(() -> ProblemException.notFound("Lease", leaseId));
        if (content.length == 0 || content.length > MAX_BYTES) {
            throw new LeasingRuleViolation(null, "file", "must be a PDF, JPEG or PNG file of 1 byte to 20 MB");
        }
        String mediaType = sniff(content);
        String sha256 = sha256(content);
        if (kind == DocumentStore.Kind.CONTRACT && lease.writtenContract() && !sha256.equals(lease.contractSha256())) {
            throw new LeasingRuleViolation("L2", "file", "this file's SHA-256 is %s; lease %s recorded its signed contract as %s — file that contract"
                    .formatted(sha256, lease.number(), lease.contractSha256()));
        }
        if (kind == DocumentStore.Kind.CONTRACT && !lease.writtenContract()) {
            throw new LeasingRuleViolation("L2", "kind", "lease " + lease.number() + " is recorded as not written; file this as an ATTACHMENT");
        }
        String name = fileName == null || fileName.isBlank() ? "document" : fileName.strip();
        return documents.insert(new DocumentStore.Document(Ids.newId(), leaseId, kind, name.length() > 200 ? name.substring(0, 200) : name,
                mediaType, sha256, content.length, viewer.username() + " · " + viewer.subject(), clock.instant()), content);
    }

    public List<DocumentStore.Document> list(Viewer viewer, UUID communityId, UUID leaseId) {
        readable(viewer, communityId, leaseId);
        return documents.list(leaseId);
    }

    /** The file itself: the operator's staff and the lease's tenant (it carries personal details). */
    public byte[] content(Viewer viewer, UUID communityId, UUID leaseId, UUID documentId) {
        Lease lease = leases.find(communityId, leaseId).orElseThrow(() -> ProblemException.notFound("Lease", leaseId));
        if (!LeaseQueries.tenantOf(viewer, lease)) {
            access.staffOf(viewer, communityId);
        }
        return documents.content(leaseId, documentId).orElseThrow(() -> ProblemException.notFound("Document", documentId));
    }

    private void readable(Viewer viewer, UUID communityId, UUID leaseId) {
        Lease lease = leases.find(communityId, leaseId).orElseThrow(() -> ProblemException.notFound("Lease", leaseId));
        if (!LeaseQueries.tenantOf(viewer, lease)) {
            access.staffOf(viewer, communityId);
        }
    }

    static String sniff(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        throw new LeasingRuleViolation(null, "file", "is not a PDF, JPEG or PNG file (by its first bytes): scan the signed contract to one of those");
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
