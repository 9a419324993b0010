package dev.commonhold.community.assembly.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One ballot as cast. Every ballot is kept; an owner may change their vote until the vote closes,
 * and the latest counts (rule V8: who voted how, and when, is evidence).
 *
 * @param channel  ONLINE by the owner; PAPER or PROXY recorded by a committee member
 * @param castBy   the login that cast or recorded it
 * @param evidence SHA-256 of the scanned paper ballot or of the proxy document (委托书), required for those channels
 */
public record Ballot(UUID id, UUID resolutionId, UUID ownerId, Choice choice, Channel channel, Instant castAt, String castBy,
                     String evidence) {

    public enum Channel { ONLINE, PAPER, PROXY }

    public Ballot {
        if (choice == null) {
            throw new ResolutionRuleViolation("choice", "is required: approve, reject or abstain");
        }
        if (channel != Channel.ONLINE && (evidence == null || !evidence.matches("[0-9a-f]{64}"))) {
            throw new ResolutionRuleViolation("evidenceSha256", "a paper or proxy ballot needs the SHA-256 (64 hex digits) of its scan or proxy document");
        }
    }
}
