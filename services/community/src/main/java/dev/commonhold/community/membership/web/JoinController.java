package dev.commonhold.community.membership.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.community.membership.app.BindingReview;
import dev.commonhold.community.membership.app.CodeRedemption;
import dev.commonhold.community.membership.app.Directory;
import dev.commonhold.community.membership.app.MyHomes;
import dev.commonhold.platform.security.Viewer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import java.util.UUID;

/**
 * What any signed-in user does to join their home (绑定房屋), before their token names any
 * community: enter a code, or find their community and ask to be bound; then see where they
 * belong and whether their account has caught up.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Joining a household")
@RequestMapping("/api/community")
class JoinController {

    /**
     * @param code  as printed (dashes and case do not matter)
     * @param name  your name as the register should show it; required for a family member's or tenant's code
     * @param phone optional, for a family member's or tenant's entry
     */
    record RedeemCode(@NotBlank @Size(max = 40) String code, @Size(max = 100) String name, @Size(max = 20) String phone) {
    }

    /** @param relation owner, family or tenant; @param building and @param unit as written on the door, e.g. 1号楼 and 301 */
    record AskToBeBound(@NotNull UUID communityId, @NotBlank @Size(max = 50) String building, @NotBlank @Size(max = 20) String unit,
                        @NotBlank String relation, @NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 20) String phone,
                        @Size(max = 500) String note) {
    }

    private final CodeRedemption redemption;
    private final BindingReview review;
    private final MyHomes homes;
    private final Directory directory;

    JoinController(CodeRedemption redemption, BindingReview review, MyHomes homes, Directory directory) {
        this.redemption = redemption;
        this.review = review;
        this.homes = homes;
        this.directory = directory;
    }

    /** Binds the caller to the code's unit as the code says; 422 for a code that binds nothing, 429 past the guessing limit. */
    @Audited(kind = AuditKind.BINDING_CHANGE, action = "community.invitation.redeem")
    @PostMapping("/invitations/redemptions")
    MembershipResponses.RedeemedResponse redeemCode(Viewer viewer, @Valid @RequestBody RedeemCode request) {
        return MembershipResponses.redeemed(redemption.redeem(viewer, request.code(), new CodeRedemption.Person(request.name(), request.phone())));
    }

    @GetMapping("/me/homes")
    MembershipResponses.HomesResponse getMyHomes(Viewer viewer) {
        return MembershipResponses.homes(homes.of(viewer));
    }

    /** Communities by part of their name (2 to 50 characters; at most 20 answers): id, name, city and district only. */
    @GetMapping("/directory")
    List<MembershipResponses.DirectoryEntry> findCommunities(@RequestParam(required = false) String name) {
        return directory.named(name).stream().map(MembershipResponses::entry).toList();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/binding-requests")
    ResponseEntity<MembershipResponses.RequestResponse> askToBeBound(Viewer viewer, @Valid @RequestBody AskToBeBound request) {
        BindingReview.Reviewed opened = review.open(viewer, new BindingReview.NewRequest(request.communityId(), request.building(), request.unit(),
                request.relation(), request.name(), request.phone(), request.note()));
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/community/binding-requests/mine"))
                .body(MembershipResponses.request(opened));
    }

    @GetMapping("/binding-requests/mine")
    List<MembershipResponses.RequestResponse> listMyRequests(Viewer viewer) {
        return review.mine(viewer).stream().map(MembershipResponses::request).toList();
    }

    @PostMapping("/binding-requests/{requestId}/withdraw")
    MembershipResponses.RequestResponse withdrawRequest(Viewer viewer, @PathVariable UUID requestId) {
        return MembershipResponses.request(review.withdraw(viewer, requestId));
    }
}
