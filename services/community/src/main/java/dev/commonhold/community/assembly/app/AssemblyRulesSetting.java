package dev.commonhold.community.assembly.app;

import dev.commonhold.community.assembly.domain.ResolutionRuleViolation;
import dev.commonhold.platform.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * Records the community's own rule on owners who do not vote (rule V6), as adopted in its rules
 * of procedure (议事规则); the document's hash is kept. Votes already open keep the rule they opened with.
 */
@Service
public class AssemblyRulesSetting {

    private final AssemblyAccess access;
    private final AssemblyRules rules;

    AssemblyRulesSetting(AssemblyAccess access, AssemblyRules rules) {
        this.access = access;
        this.rules = rules;
    }

    @Transactional
    public AssemblyRules.Rules set(Viewer viewer, UUID communityId, AssemblyRules.Rules updated) {
        access.requireCommittee(viewer, communityId);
        if (updated.nonVotersCountAsApproving() && (updated.rulesDocumentSha256() == null || !updated.rulesDocumentSha256().matches("[0-9a-f]{64}"))) {
            throw new ResolutionRuleViolation("rulesDocumentSha256", "counting non-voters as approving departs from the law's default: "
                    + "give the SHA-256 of the adopted rules of procedure that say so");
        }
        rules.save(communityId, updated, viewer.subject());
        return updated;
    }
}
