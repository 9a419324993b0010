package dev.commonhold.billing.register;

import dev.commonhold.platform.security.CommunityRef;

import java.time.ZoneId;
import java.util.UUID;

/** A community as billing knows it from community.state. */
public record CommunityCopy(UUID id, String name, String divisionCode, ZoneId zone, UUID operatorCompanyId) {

    public CommunityRef ref() {
        return new CommunityRef(id, operatorCompanyId, divisionCode);
    }
}
