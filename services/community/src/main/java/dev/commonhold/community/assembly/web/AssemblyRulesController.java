package dev.commonhold.community.assembly.web;

import dev.commonhold.community.assembly.app.AssemblyQueries;
import dev.commonhold.community.assembly.app.AssemblyRules;
import dev.commonhold.community.assembly.app.AssemblyRulesSetting;
import dev.commonhold.platform.security.Viewer;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The community's own assembly rules (rule V6), and the notice board where results are published (rule V8). */
@RestController
@Tag(name = "Owners' assembly")
class AssemblyRulesController {

    record RulesBody(@NotNull Boolean nonVotersCountAsApproving,
                     @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 as 64 lowercase hex digits") String rulesDocumentSha256) {
    }

    private final AssemblyRulesSetting setting;
    private final AssemblyQueries queries;

    AssemblyRulesController(AssemblyRulesSetting setting, AssemblyQueries queries) {
        this.setting = setting;
        this.queries = queries;
    }

    @GetMapping("/api/community/communities/{communityId}/assembly-rules")
    AssemblyRules.Rules getAssemblyRules(Viewer viewer, @PathVariable UUID communityId) {
        return queries.rules(viewer, communityId);
    }

    @PutMapping("/api/community/communities/{communityId}/assembly-rules")
    AssemblyRules.Rules setAssemblyRules(Viewer viewer, @PathVariable UUID communityId, @Valid @RequestBody RulesBody body) {
        return setting.set(viewer, communityId, new AssemblyRules.Rules(body.nonVotersCountAsApproving(), body.rulesDocumentSha256()));
    }

    @GetMapping("/api/community/communities/{communityId}/notices")
    List<AssemblyResponses.NoticeResponse> listNotices(Viewer viewer, @PathVariable UUID communityId,
                                                      @RequestParam(defaultValue = "20") int limit) {
        return queries.notices(viewer, communityId, Math.clamp(limit, 1, 100)).stream().map(AssemblyResponses::notice).toList();
    }
}
