package dev.commonhold.community.assembly.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.community.assembly.app.AssemblyQueries;
import dev.commonhold.community.assembly.app.Voting;
import dev.commonhold.community.assembly.domain.Ballot;
import dev.commonhold.community.assembly.domain.Choice;
import dev.commonhold.platform.security.Viewer;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Ballots: owners vote (and may change their vote until it closes); the committee records paper and proxy ballots. */
@RestController
@Tag(name = "Owners' assembly")
@RequestMapping("/api/community/communities/{communityId}/resolutions/{resolutionId}")
class BallotController {

    record CastBallot(@NotNull Choice choice) {
    }

    record RecordBallot(@NotNull UUID ownerId, @NotNull Choice choice, @NotNull Ballot.Channel channel,
                        @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 as 64 lowercase hex digits") String evidenceSha256) {
    }

    private final Voting voting;
    private final AssemblyQueries queries;

    BallotController(Voting voting, AssemblyQueries queries) {
        this.voting = voting;
        this.queries = queries;
    }

    /** The caller votes as the owner they are in this vote's electorate. Voting again with another choice changes the vote. */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/ballots")
    ResponseEntity<List<AssemblyResponses.BallotResponse>> castBallot(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID resolutionId,
                                                                      @Valid @RequestBody CastBallot request) {
        List<Ballot> cast = voting.cast(viewer, communityId, resolutionId, request.choice());
        return ResponseEntity.status(cast.isEmpty() ? HttpStatus.OK : HttpStatus.CREATED).body(myBallots(viewer, communityId, resolutionId));
    }

    @GetMapping("/ballots/mine")
    List<AssemblyResponses.BallotResponse> getMyBallots(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID resolutionId) {
        return myBallots(viewer, communityId, resolutionId);
    }

    /** A paper ballot or a proxy's vote, recorded by a committee member with the hash of its scan or proxy document. */
    @ResponseStatus(HttpStatus.CREATED)
    @Audited(kind = AuditKind.APPROVAL, action = "community.ballot.record-on-paper")
    @PostMapping("/recorded-ballots")
    ResponseEntity<AssemblyResponses.BallotResponse> recordBallot(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID resolutionId,
                                                                  @Valid @RequestBody RecordBallot request) {
        Ballot ballot = voting.record(viewer, communityId, resolutionId, request.ownerId(), request.choice(), request.channel(), request.evidenceSha256());
        return ResponseEntity.status(HttpStatus.CREATED).body(AssemblyResponses.ballot(ballot));
    }

    /** Who voted how: once the vote is decided, for the committee and the regulator. */
    @Audited(kind = AuditKind.PERSONAL_DATA_READ, action = "community.ballots.read")
    @GetMapping("/ballots")
    List<AssemblyResponses.CastBallotResponse> listBallots(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID resolutionId) {
        return queries.ballots(viewer, communityId, resolutionId).stream().map(AssemblyResponses::cast).toList();
    }

    private List<AssemblyResponses.BallotResponse> myBallots(Viewer viewer, UUID communityId, UUID resolutionId) {
        return queries.view(viewer, communityId, resolutionId).myBallots().stream().map(AssemblyResponses::ballot).toList();
    }
}
