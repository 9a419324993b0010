package dev.commonhold.commerce.register;

import dev.commonhold.platform.security.CommunityRef;

import java.time.ZoneId;
import java.util.UUID;

/** A community as community.state last said: its zone dates orders, its division code picks the subsidy policy and the street office, its operator runs it. */
public record CommunityCopy(UUID id, String name, String divisionCode, ZoneId zone, UUID operatorCompanyId) {

    public CommunityRef ref() {
        return new CommunityRef(id, operatorCompanyId, divisionCode);
    }
}
