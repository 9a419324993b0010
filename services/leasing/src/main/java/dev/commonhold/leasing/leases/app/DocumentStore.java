package dev.commonhold.leasing.leases.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A lease's signed contract and attachments, kept with their SHA-256. */
public interface DocumentStore {

    enum Kind { CONTRACT, ATTACHMENT }

    record Document(UUID id, UUID leaseId, Kind kind, String fileName, String mediaType, String sha256, int sizeBytes, String uploadedBy,
                    Instant uploadedAt) {
    }

    /** @return the document as kept: the one filed before when the same file (same hash) is filed again */
    Document insert(Document document, byte[] content);

    List<Document> list(UUID leaseId);

    Optional<byte[]> content(UUID leaseId, UUID documentId);
}
