package dev.commonhold.community.membership.web;

import dev.commonhold.community.membership.app.BindingReview;
import dev.commonhold.community.membership.app.CodeRedemption;
import dev.commonhold.community.membership.app.InvitationIssuing;
import dev.commonhold.community.membership.app.MyHomes;
import dev.commonhold.community.membership.domain.BindingEvent;
import dev.commonhold.community.membership.domain.BindingRequest;
import dev.commonhold.community.membership.domain.Invitation;
import dev.commonhold.community.registry.domain.Community;
import dev.commonhold.community.registry.domain.Phone;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** What the membership API answers. Kinds and statuses in lower case, as clients send them. */
final class MembershipResponses {

    private MembershipResponses() {
    }

    /** A new invitation: the only answer that ever shows its code. */
    record IssuedResponse(UUID id, UUID unitId, String building, String unit, String kind, String code, String link, Instant expiresAt) {
    }

    /** @param developerUnits units of the building left out: the developer still holds them, so no owner code (record the sale first) */
    record SheetsResponse(String building, List<IssuedResponse> issued, List<String> developerUnits) {
    }

    record InvitationResponse(UUID id, UUID unitId, String kind, String status, Instant issuedAt, String issuedBy, Instant expiresAt,
                              Instant revokedAt, Instant redeemedAt, String redeemedBy) {
    }

    /**
     * @param accountUpdate "queued": the token carries the new home once the account is updated (seconds;
     *                      GET /api/community/me/homes says when) and the user signs in again or refreshes it
     */
    record RedeemedResponse(UUID communityId, String communityName, UUID unitId, String boundAs, String accountUpdate) {
    }

    record HomesResponse(List<HomeResponse> homes, Set<UUID> committeeOf, boolean accountUpToDate) {
    }

    record HomeResponse(UUID communityId, String communityName, UUID unitId, String building, String unit, String boundAs) {
    }

    record DirectoryEntry(UUID id, String name, String city, String district) {
    }

    /** {@code phone} is masked (138****1234) for anyone but the requester and the operator. */
    record RequestResponse(UUID id, UUID communityId, UUID unitId, String building, String unit, String relation, String name, String phone,
                           String note, Instant requestedAt, String status, Instant decidedAt, String decidedBy, String decidedAs,
                           String reason, String ownerOfRecord) {
    }

    record BindingEventResponse(UUID id, UUID unitId, String userId, String action, String relation, String via, UUID referenceId,
                                String decidedBy, Instant decidedAt) {
    }

    static IssuedResponse issued(InvitationIssuing.Issued i, String joinUrl) {
        return new IssuedResponse(i.invitation().id(), i.invitation().unitId(), i.buildingName(), i.unitNumber(), lower(i.invitation().kind()),
                i.code().display(), InvitationLinks.link(joinUrl, i.code()), i.invitation().expiresAt());
    }

    static SheetsResponse sheets(InvitationIssuing.Sheets sheets, String joinUrl) {
        return new SheetsResponse(sheets.buildingName(), sheets.issued().stream().map(i -> issued(i, joinUrl)).toList(), sheets.developerUnits());
    }

    static InvitationResponse invitation(Invitation i, Instant now) {
        return new InvitationResponse(i.id(), i.unitId(), lower(i.kind()), lower(i.status(now)), i.issuedAt(), i.issuedBy(), i.expiresAt(),
                i.revokedAt(), i.redeemedAt(), i.redeemedBy());
    }

    static RedeemedResponse redeemed(CodeRedemption.Redeemed r) {
        return new RedeemedResponse(r.communityId(), r.communityName(), r.unitId(), lower(r.boundAs()), "queued");
    }

    static HomesResponse homes(MyHomes.Homes h) {
        return new HomesResponse(h.homes().stream().map(home -> new HomeResponse(home.communityId(), home.communityName(), home.unitId(),
                home.building(), home.unit(), lower(home.as()))).toList(), h.committeeOf(), h.accountUpToDate());
    }

    static DirectoryEntry entry(Community c) {
        return new DirectoryEntry(c.id(), c.name(), c.city(), c.district());
    }

    static RequestResponse request(BindingReview.Reviewed reviewed) {
        BindingRequest r = reviewed.request();
        return new RequestResponse(r.id(), r.communityId(), r.unitId(), reviewed.buildingName(), reviewed.unitNumber(), lower(r.relation()),
                r.name(), reviewed.phoneVisible() ? r.phone() : Phone.masked(r.phone()), r.note(), r.requestedAt(), lower(r.status()),
                r.decidedAt(), r.decidedBy(), r.decidedAs() == null ? null : lower(r.decidedAs()), r.reason(), reviewed.ownerOfRecord());
    }

    static BindingEventResponse event(BindingEvent e) {
        return new BindingEventResponse(e.id(), e.unitId(), e.userId(), lower(e.action()), lower(e.relation()), lower(e.via()), e.referenceId(),
                e.decidedBy(), e.decidedAt());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
