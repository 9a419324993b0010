package dev.commonhold.community.assembly.app;

import java.util.Optional;
import java.util.UUID;

/** Port: a community's own rules of procedure on non-voters (rule V6). */
public interface AssemblyRules {

    record Rules(boolean nonVotersCountAsApproving, String rulesDocumentSha256) {
    }

    Optional<Rules> find(UUID communityId);

    void save(UUID communityId, Rules rules, String updatedBy);
}
