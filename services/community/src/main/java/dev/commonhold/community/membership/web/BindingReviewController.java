package dev.commonhold.community.membership.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.community.membership.app.BindingDecisions;
import dev.commonhold.community.membership.app.BindingReview;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.paging.Cursors;
import dev.commonhold.platform.web.paging.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Deciding requests to be bound — the operator any, an owner of record those of family members and
 * tenants of their own unit — and the community's log of every binding decision.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Joining a household")
@RequestMapping("/api/community/communities/{communityId}")
class BindingReviewController {

    record Rejection(@NotBlank @Size(max = 500) String reason) {
    }

    private final BindingReview review;
    private final BindingDecisions decisions;

    BindingReviewController(BindingReview review, BindingDecisions decisions) {
        this.review = review;
        this.decisions = decisions;
    }

    /** @param status pending, approved, rejected or withdrawn; all when not given */
    @Audited(kind = AuditKind.PERSONAL_DATA_READ, action = "community.binding-requests.read")
    @GetMapping("/binding-requests")
    Page<MembershipResponses.RequestResponse> listBindingRequests(Viewer viewer, @PathVariable UUID communityId,
                                                                  @RequestParam(required = false) String status,
                                                                  @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return Cursors.byId(cursor, limit, (after, n) -> review.ofCommunity(viewer, communityId, status, after, n).stream()
                .map(MembershipResponses::request).toList(), MembershipResponses.RequestResponse::id);
    }

    @Audited(kind = AuditKind.APPROVAL, action = "community.binding-request.approve")
    @PostMapping("/binding-requests/{requestId}/approve")
    MembershipResponses.RequestResponse approveBindingRequest(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID requestId) {
        return MembershipResponses.request(review.approve(viewer, communityId, requestId));
    }

    @Audited(kind = AuditKind.APPROVAL, action = "community.binding-request.reject")
    @PostMapping("/binding-requests/{requestId}/reject")
    MembershipResponses.RequestResponse rejectBindingRequest(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID requestId,
                                                             @Valid @RequestBody Rejection request) {
        return MembershipResponses.request(review.reject(viewer, communityId, requestId, request.reason()));
    }

    /** Every binding and unbinding in the community, oldest first: who, which unit, as what, how, decided by whom and when. */
    @Audited(kind = AuditKind.PERSONAL_DATA_READ, action = "community.bindings.read")
    @GetMapping("/bindings")
    Page<MembershipResponses.BindingEventResponse> listBindingDecisions(Viewer viewer, @PathVariable UUID communityId,
                                                                       @RequestParam(required = false) String cursor,
                                                                       @RequestParam(required = false) Integer limit) {
        return Cursors.byId(cursor, limit, (after, n) -> decisions.ofCommunity(viewer, communityId, after, n).stream()
                .map(MembershipResponses::event).toList(), MembershipResponses.BindingEventResponse::id);
    }
}
