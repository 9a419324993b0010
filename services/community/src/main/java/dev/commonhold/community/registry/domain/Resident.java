package dev.commonhold.community.registry.domain;

import java.time.LocalDate;
import java.util.UUID;

/** Someone who lives in a unit (住户): the owner, a family member or a tenant. */
public record Resident(UUID id, UUID communityId, UUID unitId, String name, Relation relation, String phone, String userId,
                       LocalDate movedIn, LocalDate movedOut) {

    public enum Relation { OWNER, FAMILY, TENANT }

    public Resident {
        name = Text.required("name", name, 100);
        phone = Phone.normalise(phone);
        userId = Text.optional("userId", userId, 64);
        if (relation == null) {
            throw new InvalidRegistryData("relation", "is required: owner, family or tenant");
        }
        if (movedIn != null && movedOut != null && movedOut.isBefore(movedIn)) {
            throw new InvalidRegistryData("movedOut", "cannot be before movedIn");
        }
    }
}
