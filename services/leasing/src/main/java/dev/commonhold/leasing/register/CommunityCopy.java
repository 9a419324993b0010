package dev.commonhold.leasing.register;

import dev.commonhold.platform.security.CommunityRef;

import java.time.ZoneId;
import java.util.UUID;

/** A community as community.state last said: its zone dates rent, its division code picks the deposit cap (L3), its operator lets its spaces. */
public record CommunityCopy(UUID id, String name, String divisionCode, ZoneId zone, UUID operatorCompanyId) {

    public CommunityRef ref() {
        return new CommunityRef(id, operatorCompanyId, divisionCode);
    }
}
