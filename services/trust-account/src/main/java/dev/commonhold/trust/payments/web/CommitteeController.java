package dev.commonhold.trust.payments.web;

import dev.commonhold.platform.security.Viewer;
import dev.commonhold.trust.register.Register;
import dev.commonhold.trust.register.TrustAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Who may co-sign this community's payments today, as the registry says (DESIGN.md, Who may approve). */
@RestController
class CommitteeController {

    record MemberView(String name, String role, LocalDate termStart, LocalDate termEnd) {
    }

    private final TrustAccess access;
    private final Register register;

    CommitteeController(TrustAccess access, Register register) {
        this.access = access;
        this.register = register;
    }

    @GetMapping("/api/trust/communities/{communityId}/committee")
    List<MemberView> committee(Viewer viewer, @PathVariable UUID communityId) {
        access.readable(viewer, communityId);
        return register.committee(communityId).stream().map(m -> new MemberView(m.name(), m.role(), m.termStart(), m.termEnd())).toList();
    }
}
