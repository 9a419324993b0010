package dev.commonhold.community.membership.domain;

import dev.commonhold.community.registry.domain.InvalidRegistryData;
import dev.commonhold.community.registry.domain.RegistryConflict;
import dev.commonhold.community.registry.domain.Resident;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An invitation to bind a login to one unit: the code decides as what (owner, family member or
 * tenant), not the person who enters it. Single use; it expires and the operator may revoke it.
 *
 * @param kind as what the person who enters the code is bound
 */
public record Invitation(UUID id, UUID communityId, UUID unitId, Resident.Relation kind, Instant issuedAt, String issuedBy,
                         Instant expiresAt, Instant revokedAt, String revokedBy, Instant redeemedAt, String redeemedBy) {

    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 180;

    public enum Status { ACTIVE, EXPIRED, REVOKED, REDEEMED }

    /** A new invitation valid for {@code days} days (1 to {@value #MAX_DAYS}; {@value #DEFAULT_DAYS} when not given). */
    public static Invitation issue(UUID id, UUID communityId, UUID unitId, Resident.Relation kind, Integer days, Instant now, String by) {
        if (kind == null) {
            throw new InvalidRegistryData("kind", "is required: owner, family or tenant");
        }
        return new Invitation(id, communityId, unitId, kind, now, by, now.plus(Duration.ofDays(validDays(days))), null, null, null, null);
    }

    /** The days a code is good for: 1 to {@value #MAX_DAYS}, {@value #DEFAULT_DAYS} when not given. */
    public static int validDays(Integer days) {
        int valid = days == null ? DEFAULT_DAYS : days;
        if (valid < 1 || valid > MAX_DAYS) {
            throw new InvalidRegistryData("validDays", "must be between 1 and " + MAX_DAYS);
        }
        return valid;
    }

    public Status status(Instant now) {
        if (redeemedAt != null) {
            return Status.REDEEMED;
        }
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
    }

    /** Refuses (422) a code that is no longer good, saying what to do next. */
    public void requireUsable(Instant now) {
        switch (status(now)) {
            case ACTIVE -> { }
            case REDEEMED -> throw new CodeNotAccepted("this code has already been used; each code binds one person once. Ask the operator for a new one");
            case REVOKED -> throw new CodeNotAccepted("this code was withdrawn by the operator; ask them for a new one");
            case EXPIRED -> throw new CodeNotAccepted("this code expired on " + expiresAt + "; ask the operator for a new one");
        }
    }

    public Invitation revoked(Instant now, String by) {
        if (status(now) == Status.REDEEMED) {
            throw new RegistryConflict("this invitation has been used already; unbind the person instead");
        }
        return revokedAt != null ? this : new Invitation(id, communityId, unitId, kind, issuedAt, issuedBy, expiresAt, now, by, null, null);
    }

    public Invitation redeemed(Instant now, String userId) {
        requireUsable(now);
        return new Invitation(id, communityId, unitId, kind, issuedAt, issuedBy, expiresAt, null, null, now, userId);
    }
}
