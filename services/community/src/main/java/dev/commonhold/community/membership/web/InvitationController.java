package dev.commonhold.community.membership.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.community.membership.app.InvitationIssuing;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.paging.Cursors;
import dev.commonhold.platform.web.paging.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/**
 * Invitation codes, issued by the operator's staff: for one unit (the code in the answer), or for
 * every unit of a building as a PDF to print, one A5 sheet per unit (or the same as JSON).
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Invitations")
@RequestMapping("/api/community/communities/{communityId}")
class InvitationController {

    /**
     * @param kind      owner, family or tenant: whoever enters the code is bound as that
     * @param validDays days until the code expires (1 to 180; 30 when not given)
     */
    record IssueInvitation(@NotBlank String kind, Integer validDays) {
    }

    private final InvitationIssuing issuing;
    private final String joinUrl;
    private final Clock clock;

    InvitationController(InvitationIssuing issuing, @Value("${commonhold.membership.join-url}") String joinUrl, Clock clock) {
        this.issuing = issuing;
        this.joinUrl = joinUrl;
        this.clock = clock;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Audited(kind = AuditKind.BINDING_CHANGE, action = "community.invitation.issue")
    @PostMapping("/units/{unitId}/invitations")
    ResponseEntity<MembershipResponses.IssuedResponse> issueForUnit(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID unitId,
                                                                    @Valid @RequestBody IssueInvitation request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(MembershipResponses.issued(
                issuing.forUnit(viewer, communityId, unitId, request.kind(), request.validDays()), joinUrl));
    }

    /**
     * Every unit of the building; PDF sheets (Accept: application/pdf) or JSON. A new owner code withdraws the unit's unused one;
     * units the developer still holds get no owner code, and the answer lists them (the PDF on a last page for the operator).
     */
    @ResponseStatus(HttpStatus.CREATED)
    @Audited(kind = AuditKind.BINDING_CHANGE, action = "community.invitations.issue-for-building")
    @PostMapping(path = "/buildings/{buildingId}/invitations", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PDF_VALUE})
    ResponseEntity<?> issueForBuilding(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID buildingId,
                                       @Valid @RequestBody IssueInvitation request,
                                       @RequestParam(required = false) String format,
                                       @org.springframework.web.bind.annotation.RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        InvitationIssuing.Sheets sheets = issuing.forBuilding(viewer, communityId, buildingId, request.kind(), request.validDays());
        boolean pdf = "pdf".equals(format) || (format == null && accept != null && accept.contains(MediaType.APPLICATION_PDF_VALUE));
        if (!pdf) {
            return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(MembershipResponses.sheets(sheets, joinUrl));
        }
        String name = "绑定邀请-" + sheets.buildingName() + ".pdf";
        return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(InvitationSheet.render(sheets, joinUrl));
    }

    @Audited(kind = AuditKind.PERSONAL_DATA_READ, action = "community.invitations.read")
    @GetMapping("/invitations")
    Page<MembershipResponses.InvitationResponse> listInvitations(Viewer viewer, @PathVariable UUID communityId,
                                                                 @RequestParam(required = false) UUID unitId,
                                                                 @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return Cursors.byId(cursor, limit, (after, n) -> issuing.list(viewer, communityId, unitId, after, n).stream()
                .map(i -> MembershipResponses.invitation(i, clock.instant())).toList(), MembershipResponses.InvitationResponse::id);
    }

    /** Withdraws an unused code (lost sheet, wrong unit); a used one is refused (409): unbind the person instead. */
    @Audited(kind = AuditKind.BINDING_CHANGE, action = "community.invitation.revoke")
    @DeleteMapping("/invitations/{invitationId}")
    MembershipResponses.InvitationResponse revokeInvitation(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID invitationId) {
        return MembershipResponses.invitation(issuing.revoke(viewer, communityId, invitationId), clock.instant());
    }
}
