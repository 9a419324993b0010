package dev.commonhold.community.membership.domain;

import dev.commonhold.community.registry.domain.InvalidRegistryData;
import dev.commonhold.community.registry.domain.Phone;
import dev.commonhold.community.registry.domain.RegistryConflict;
import dev.commonhold.community.registry.domain.Resident;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's request to be bound to a unit without a code (业主认证申请): their name and phone, and
 * as what they say they live there. The operator decides any request; the owner of record may
 * also decide one for a family member or tenant of their own unit, never another owner.
 */
public record BindingRequest(UUID id, UUID communityId, UUID unitId, String userId, Resident.Relation relation, String name, String phone,
                             String note, Instant requestedAt, Status status, Instant decidedAt, String decidedBy, Decider decidedAs,
                             String reason) {

    public enum Status { PENDING, APPROVED, REJECTED, WITHDRAWN }

    /** In what capacity a request was decided. */
    public enum Decider { OPERATOR, OWNER_OF_RECORD, REQUESTER }

    public BindingRequest {
        if (relation == null) {
            throw new InvalidRegistryData("relation", "is required: owner, family or tenant");
        }
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new InvalidRegistryData("name", "is required, at most 100 characters");
        }
        name = name.strip();
        if (phone == null || phone.isBlank()) {
            throw new InvalidRegistryData("phone", "is required, so the operator can call you back");
        }
        phone = normalisedPhone(phone);
        if (note != null && note.length() > 500) {
            throw new InvalidRegistryData("note", "at most 500 characters");
        }
    }

    public static BindingRequest open(UUID id, UUID communityId, UUID unitId, String userId, Resident.Relation relation, String name,
                                      String phone, String note, Instant now) {
        return new BindingRequest(id, communityId, unitId, userId, relation, name, phone, note, now, Status.PENDING, null, null, null, null);
    }

    /** The owner of record decides for their own household only: family members and tenants. */
    public boolean decidableByOwnerOfRecord() {
        return relation != Resident.Relation.OWNER;
    }

    public BindingRequest approved(Instant now, String by, Decider as) {
        return decided(Status.APPROVED, now, by, as, null);
    }

    public BindingRequest rejected(Instant now, String by, Decider as, String why) {
        if (why == null || why.isBlank() || why.length() > 500) {
            throw new InvalidRegistryData("reason", "say why the request is rejected (at most 500 characters), so the person knows what to do");
        }
        return decided(Status.REJECTED, now, by, as, why.strip());
    }

    public BindingRequest withdrawn(Instant now, String by) {
        return decided(Status.WITHDRAWN, now, by, Decider.REQUESTER, null);
    }

    private BindingRequest decided(Status to, Instant now, String by, Decider as, String why) {
        if (status != Status.PENDING) {
            throw new RegistryConflict("this request was " + status.name().toLowerCase(java.util.Locale.ROOT) + " already");
        }
        return new BindingRequest(id, communityId, unitId, userId, relation, name, phone, note, requestedAt, to, now, by, as, why);
    }

    private static String normalisedPhone(String phone) {
        try {
            return Phone.normalise(phone);
        } catch (RuntimeException notAPhone) {
            throw new InvalidRegistryData("phone", "'%s' is not a mobile (11 digits) or landline number".formatted(phone));
        }
    }
}
