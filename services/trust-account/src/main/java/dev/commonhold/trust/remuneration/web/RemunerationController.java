package dev.commonhold.trust.remuneration.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.trust.remuneration.app.Remuneration;
import dev.commonhold.trust.remuneration.app.RemunerationStore;
import dev.commonhold.trust.remuneration.domain.RemunerationContract;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The operator's remuneration terms (T2): the operator proposes, a committee member confirms; every reader sees them. */
@RestController
@RequestMapping("/api/trust/communities/{communityId}/remuneration")
class RemunerationController {

    /** FIXED: fixedFen a month; PERCENT: basisPoints (0.01 %) of the month's owners' income, at most capFen. */
    record Proposal(@NotNull @Pattern(regexp = "FIXED|PERCENT") String kind, Long fixedFen, Integer basisPoints, Long capFen) {
    }

    private final Remuneration remuneration;

    RemunerationController(Remuneration remuneration) {
        this.remuneration = remuneration;
    }

    @GetMapping
    List<RemunerationStore.Terms> terms(Viewer viewer, @PathVariable UUID communityId) {
        return remuneration.terms(viewer, communityId);
    }

    @PutMapping
    List<RemunerationStore.Terms> propose(Viewer viewer, @PathVariable UUID communityId, @Valid @RequestBody Proposal p) {
        RemunerationContract contract;
        try {
            contract = new RemunerationContract(RemunerationContract.Kind.valueOf(p.kind()), p.fixedFen() == null ? 0 : p.fixedFen(),
                    p.basisPoints() == null ? 0 : p.basisPoints(), p.capFen() == null ? 0 : p.capFen());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(':');
            throw ProblemException.invalid(colon > 0 ? message.substring(0, colon) : "kind", colon > 0 ? message.substring(colon + 2) : message);
        }
        return remuneration.propose(viewer, communityId, contract);
    }

    @Audited(kind = AuditKind.APPROVAL, action = "trust.remuneration.confirm")
    @PostMapping("/{termsId}/confirmation")
    List<RemunerationStore.Terms> confirm(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID termsId) {
        return remuneration.confirm(viewer, communityId, termsId);
    }
}
