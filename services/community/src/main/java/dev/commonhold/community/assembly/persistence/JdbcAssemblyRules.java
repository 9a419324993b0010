package dev.commonhold.community.assembly.persistence;

import dev.commonhold.community.assembly.app.AssemblyRules;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcAssemblyRules implements AssemblyRules {

    private final JdbcTemplate jdbc;

    JdbcAssemblyRules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Rules> find(UUID communityId) {
        return jdbc.query("SELECT non_voters_count_as_approving, rules_document_sha256 FROM assembly_rules WHERE community_id = ?",
                (rs, i) -> new Rules(rs.getBoolean(1), rs.getString(2)), communityId).stream().findFirst();
    }

    @Override
    public void save(UUID communityId, Rules rules, String updatedBy) {
        jdbc.update("""
                INSERT INTO assembly_rules (community_id, non_voters_count_as_approving, rules_document_sha256, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (community_id) DO UPDATE SET non_voters_count_as_approving = excluded.non_voters_count_as_approving,
                rules_document_sha256 = excluded.rules_document_sha256, updated_by = excluded.updated_by, updated_at = now()""",
                communityId, rules.nonVotersCountAsApproving(), rules.rulesDocumentSha256(), updatedBy);
    }
}
