package dev.commonhold.community.membership.domain;

import dev.commonhold.community.registry.domain.Resident;

import java.time.Instant;
import java.util.UUID;

/**
 * One binding or unbinding of a login to a unit, with who decided it and when (kept for good:
 * the table takes no UPDATE or DELETE).
 *
 * @param referenceId the invitation, request or resident row it came from, when there is one
 */
public record BindingEvent(UUID id, UUID communityId, UUID unitId, String userId, Action action, Resident.Relation relation, Via via,
                           UUID referenceId, String decidedBy, Instant decidedAt) {

    public enum Action { BOUND, UNBOUND }

    /** How it came about: a code, a reviewed request, the operator's own entry, a sale, a move out. */
    public enum Via { INVITATION, REQUEST, OPERATOR, TRANSFER, MOVE_OUT }
}
