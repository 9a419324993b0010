package dev.commonhold.franchise.register;

import dev.commonhold.platform.security.CommunityRef;

import java.time.ZoneId;
import java.util.UUID;

/** A community as community.state last said: its zone dates revenue into years, its division code places it in a regulator's district. */
public record CommunityCopy(UUID id, String name, String divisionCode, ZoneId zone, UUID operatorCompanyId) {

    public CommunityRef ref() {
        return new CommunityRef(id, operatorCompanyId, divisionCode);
    }
}
