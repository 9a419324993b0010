package dev.commonhold.community.assembly.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A matter put to the owners' assembly (业主大会决议): drafted by the committee, opened for a
 * voting window (the electorate is fixed then), decided when the window closes — or earlier, by
 * the committee, once no ballot still outstanding could change the outcome.
 *
 * @param documents the papers owners decide on, each identified by its SHA-256, so nobody can swap them later
 */
public record Resolution(UUID id, UUID communityId, String title, String description, Matter matter, Scope scope,
                         List<Document> documents, Instant closesAt, Status status, Instant openedAt, boolean nonVotersApprove,
                         Instant decidedAt, Outcome outcome) {

    public enum Status { DRAFT, OPEN, DECIDED }

    public record Document(String name, String sha256) {
        public Document {
            if (name == null || name.isBlank() || name.length() > 200) {
                throw new ResolutionRuleViolation("documents.name", "each document needs a name of at most 200 characters");
            }
            if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
                throw new ResolutionRuleViolation("documents.sha256", "the SHA-256 of each document, as 64 lowercase hex digits");
            }
        }
    }

    /** Who votes: the whole community, or (rule V7) the owners of the affected buildings or units. */
    public record Scope(Kind kind, List<UUID> ids) {
        public enum Kind { WHOLE_COMMUNITY, BUILDINGS, UNITS }

        public Scope {
            ids = ids == null ? List.of() : List.copyOf(ids);
            if (kind == null) {
                throw new ResolutionRuleViolation("electorate.scope", "is required: whole_community, buildings or units");
            }
            if ((kind == Kind.WHOLE_COMMUNITY) != ids.isEmpty()) {
                throw new ResolutionRuleViolation("electorate.ids", kind == Kind.WHOLE_COMMUNITY
                        ? "the whole community takes no ids" : "name the affected " + kind.name().toLowerCase());
            }
        }
    }

    public Resolution {
        title = title == null ? null : title.strip();
        if (title == null || title.isEmpty() || title.length() > 200) {
            throw new ResolutionRuleViolation("title", "is required, at most 200 characters");
        }
        if (matter == null) {
            throw new ResolutionRuleViolation("matter", "is required");
        }
        if (scope.kind() != Scope.Kind.WHOLE_COMMUNITY && !matter.affectedOwnersMayDecide()) {
            throw new ResolutionRuleViolation("electorate.scope", "rule V7: only the maintenance fund of a building or lift may be decided "
                    + "by the affected owners alone; " + matter + " is decided by the whole community");
        }
        documents = List.copyOf(documents == null ? List.of() : documents);
    }

    public static Resolution draft(UUID id, UUID communityId, String title, String description, Matter matter, Scope scope,
                                   List<Document> documents, Instant closesAt, Instant now) {
        if (closesAt == null || !closesAt.isAfter(now)) {
            throw new ResolutionRuleViolation("closesAt", "the voting window must close in the future");
        }
        return new Resolution(id, communityId, title, description, matter, scope, documents, closesAt, Status.DRAFT, null, false, null, null);
    }

    public Threshold threshold() {
        return matter.threshold();
    }

    /** Opens voting; the caller fixes the electorate at the same moment. {@code nonVotersApprove}: the community's own rule (V6). */
    public Resolution open(Instant now, boolean nonVotersApprove) {
        if (status != Status.DRAFT) {
            throw new ResolutionRuleViolation("status", "only a draft can be opened; this resolution is " + status.name().toLowerCase());
        }
        if (!closesAt.isAfter(now)) {
            throw new ResolutionRuleViolation("closesAt", "the voting window is already over; draft it again with a later close");
        }
        return new Resolution(id, communityId, title, description, matter, scope, documents, closesAt, Status.OPEN, now, nonVotersApprove, null, null);
    }

    /** A ballot may be cast or changed only while the vote is open. */
    public void requireOpen(Instant now) {
        if (status != Status.OPEN || !now.isBefore(closesAt)) {
            throw new ResolutionRuleViolation("status", status == Status.DRAFT ? "voting has not opened yet" : "voting has closed");
        }
    }

    public boolean windowOver(Instant now) {
        return status == Status.OPEN && !now.isBefore(closesAt);
    }

    /** The decided resolution, its tally and the event that tells the community. */
    public record Decision(Resolution resolution, Tally tally, AssemblyEvent.ResolutionDecided event) {
    }

    /**
     * Closes the vote. Before the window ends only when the outcome can no longer change: closing
     * early ends everyone's chance to vote or change their vote, so it must not change anything.
     */
    public Decision close(Electorate electorate, Map<UUID, Choice> ballots, Instant now) {
        if (status != Status.OPEN) {
            throw new ResolutionRuleViolation("status", "only an open vote can be closed; this resolution is " + status.name().toLowerCase());
        }
        if (now.isBefore(closesAt)) {
            Optional<Outcome> settled = Tally.settled(electorate, ballots, nonVotersApprove, threshold());
            if (settled.isEmpty()) {
                throw new ResolutionRuleViolation("closesAt", "the outcome can still change: owners who have not voted could still "
                        + "decide it. Wait until " + closesAt + " or until enough owners have voted.");
            }
        }
        Tally tally = Tally.count(electorate, ballots, nonVotersApprove);
        Resolution decided = new Resolution(id, communityId, title, description, matter, scope, documents, closesAt, Status.DECIDED,
                openedAt, nonVotersApprove, now, tally.outcome(threshold()));
        return new Decision(decided, tally, new AssemblyEvent.ResolutionDecided(decided, tally));
    }
}
