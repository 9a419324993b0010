package dev.commonhold.community.assembly.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.community.assembly.app.AssemblyQueries;
import dev.commonhold.community.assembly.app.ResolutionDrafting;
import dev.commonhold.community.assembly.app.VotingLifecycle;
import dev.commonhold.community.assembly.domain.Resolution;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.paging.Cursors;
import dev.commonhold.platform.web.paging.Page;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Resolutions of the owners' assembly: the committee drafts, opens, extends and closes; everyone in the community follows. */
@RestController
@Tag(name = "Owners' assembly")
@RequestMapping("/api/community/communities/{communityId}/resolutions")
class ResolutionController {

    record DraftResolution(@NotBlank @Size(max = 200) String title, @Size(max = 5000) String description, @NotBlank String matter,
                           @NotNull @Valid Electorate electorate, @Size(max = 50) List<@Valid Document> documents, @NotNull Instant closesAt) {
    }

    record Electorate(@NotBlank String scope, @Size(max = 5000) List<UUID> ids) {
    }

    record Document(@NotBlank @Size(max = 200) String name,
                    @NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 as 64 lowercase hex digits") String sha256) {
    }

    private final ResolutionDrafting drafting;
    private final VotingLifecycle lifecycle;
    private final AssemblyQueries queries;

    ResolutionController(ResolutionDrafting drafting, VotingLifecycle lifecycle, AssemblyQueries queries) {
        this.drafting = drafting;
        this.lifecycle = lifecycle;
        this.queries = queries;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<AssemblyResponses.ResolutionResponse> draftResolution(Viewer viewer, @PathVariable UUID communityId,
                                                                         @Valid @RequestBody DraftResolution request) {
        Resolution draft = drafting.draft(viewer, communityId, new ResolutionDrafting.Draft(request.title(), request.description(),
                request.matter(), request.electorate().scope(), request.electorate().ids(),
                request.documents() == null ? List.of() : request.documents().stream().map(d -> new Resolution.Document(d.name(), d.sha256())).toList(),
                request.closesAt()));
        return ResponseEntity.created(URI.create("/api/community/communities/%s/resolutions/%s".formatted(communityId, draft.id())))
                .body(AssemblyResponses.resolution(draft));
    }

    @GetMapping
    Page<AssemblyResponses.ResolutionResponse> listResolutions(Viewer viewer, @PathVariable UUID communityId,
                                                               @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return Cursors.byId(cursor, limit, (after, n) -> queries.list(viewer, communityId, after, n).stream()
                .map(AssemblyResponses::resolution).toList(), AssemblyResponses.ResolutionResponse::id);
    }

    /** Live participation while open; the full tally once decided; and the caller's own ballots. */
    @GetMapping("/{resolutionId}")
    AssemblyResponses.ResolutionResponse getResolution(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID resolutionId) {
        return AssemblyResponses.resolution(queries.view(viewer, communityId, resolutionId));
    }

    /** Opens voting and fixes the electorate: later sales do not change it. */
    @Audited(kind = AuditKind.APPROVAL, action = "community.resolution.open")
    @PostMapping("/{resolutionId}/open")
    AssemblyResponses.ResolutionResponse openResolution(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID resolutionId) {
        lifecycle.open(viewer, communityId, resolutionId);
        return AssemblyResponses.resolution(queries.view(viewer, communityId, resolutionId));
    }

    record ExtendVote(@NotNull Instant closesAt, @NotBlank @Size(max = 500) String reason) {
    }

    /** Rule V10: extends the voting window (never shortens it) and tells the community on its notice board. */
    @PostMapping("/{resolutionId}/extensions")
    AssemblyResponses.ResolutionResponse extendVote(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID resolutionId,
                                                    @Valid @RequestBody ExtendVote request) {
        lifecycle.extend(viewer, communityId, resolutionId, request.closesAt(), request.reason());
        return AssemblyResponses.resolution(queries.view(viewer, communityId, resolutionId));
    }

    /** Decides the vote once its window has ended (rule V10: never earlier); the clock does so too. */
    @Audited(kind = AuditKind.APPROVAL, action = "community.resolution.close")
    @PostMapping("/{resolutionId}/close")
    AssemblyResponses.ResolutionResponse closeResolution(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID resolutionId) {
        lifecycle.close(viewer, communityId, resolutionId);
        return AssemblyResponses.resolution(queries.view(viewer, communityId, resolutionId));
    }

    /** For the committee to canvass: who has not voted yet (never how anyone voted). */
    @Audited(kind = AuditKind.PERSONAL_DATA_READ, action = "community.non-voters.read")
    @GetMapping("/{resolutionId}/non-voters")
    List<AssemblyResponses.VoterResponse> listNonVoters(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID resolutionId) {
        return queries.nonVoters(viewer, communityId, resolutionId).stream().map(AssemblyResponses::voter).toList();
    }
}
