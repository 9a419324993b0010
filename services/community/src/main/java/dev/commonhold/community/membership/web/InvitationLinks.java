package dev.commonhold.community.membership.web;

import dev.commonhold.community.membership.domain.InvitationCode;

/** The join link printed as a QR code: the portal's join page with the code filled in. */
final class InvitationLinks {

    private InvitationLinks() {
    }

    static String link(String joinUrl, InvitationCode code) {
        return joinUrl + (joinUrl.contains("?") ? "&" : "?") + "code=" + code.display();
    }
}
