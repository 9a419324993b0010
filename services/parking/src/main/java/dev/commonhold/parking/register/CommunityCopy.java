package dev.commonhold.parking.register;

import dev.commonhold.platform.security.CommunityRef;

import java.time.ZoneId;
import java.util.UUID;

/** A community as community.state last said: its zone prices nights and days, its operator runs its gates. */
public record CommunityCopy(UUID id, String name, String divisionCode, ZoneId zone, UUID operatorCompanyId) {

    public CommunityRef ref() {
        return new CommunityRef(id, operatorCompanyId, divisionCode);
    }
}
