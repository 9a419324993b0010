package dev.commonhold.leasing.leases.persistence;

import dev.commonhold.leasing.leases.app.DocumentStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcDocuments implements DocumentStore {

    private static final String COLUMNS = "id, lease_id, kind, file_name, media_type, sha256, size_bytes, uploaded_by, uploaded_at";
    private static final RowMapper<Document> DOCUMENT = (rs, i) -> new Document(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8),
            rs.getTimestamp(9).toInstant());

    private final JdbcTemplate jdbc;

    JdbcDocuments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Document insert(Document d, byte[] content) {
        jdbc.update("INSERT INTO lease_document (" + COLUMNS + ", content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (lease_id, sha256) DO NOTHING",
                d.id(), d.leaseId(), d.kind().name(), d.fileName(), d.mediaType(), d.sha256(), d.sizeBytes(), d.uploadedBy(),
                Timestamp.from(d.uploadedAt()), content);
        return jdbc.queryForObject("SELECT " + COLUMNS + " FROM lease_document WHERE lease_id = ? AND sha256 = ?", DOCUMENT, d.leaseId(), d.sha256());
    }

    @Override
    public List<Document> list(UUID leaseId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lease_document WHERE lease_id = ? ORDER BY uploaded_at", DOCUMENT, leaseId);
    }

    @Override
    public Optional<byte[]> content(UUID leaseId, UUID documentId) {
        return jdbc.query("SELECT content FROM lease_document WHERE lease_id = ? AND id = ?", (rs, i) -> rs.getBytes(1), leaseId, documentId)
                .stream().findFirst();
    }
}
