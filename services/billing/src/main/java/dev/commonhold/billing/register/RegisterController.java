package dev.commonhold.billing.register;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.platform.security.Viewer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** How much of the register billing has copied: the operator checks it before a billing run. */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Register copy")
class RegisterController {

    record RegisterCopy(UUID communityId, String name, int units, long totalAreaCentiM2) {
    }

    private final BillingAccess access;
    private final JdbcTemplate jdbc;

    RegisterController(BillingAccess access, JdbcTemplate jdbc) {
        this.access = access;
        this.jdbc = jdbc;
    }

    @Audited(kind = AuditKind.PERSONAL_DATA_READ, action = "billing.register-copy.read")
    @GetMapping("/api/billing/communities/{communityId}/register-copy")
    RegisterCopy copy(Viewer viewer, @PathVariable UUID communityId) {
        CommunityCopy community = access.staffOf(viewer, communityId);
        return jdbc.queryForObject("SELECT count(*), coalesce(sum(area_centi), 0) FROM unit WHERE community_id = ?",
                (rs, i) -> new RegisterCopy(communityId, community.name(), rs.getInt(1), rs.getLong(2)), communityId);
    }
}
