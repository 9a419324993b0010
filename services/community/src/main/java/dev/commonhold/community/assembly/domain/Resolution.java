package dev.commonhold.community.assembly.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A matter put to the owners' assembly (业主大会决议): drafted by the committee, opened for a
 * voting window (the electorate is fixed then), decided when the window ends. The window announced
 * when voting opens belongs to the owners (rule V10): the committee may extend it, with a notice to
 * the community, but never shorten it — until it ends every owner may still vote or change their vote.
 *
 * @param documents the papers owners decide on, each identified by its SHA-256, so nobody can swap them later
 */
public record Resolution(UUID id, UUID communityId, String title, String description, Matter matter, Scope scope,
                         List<Document> documents, Instant closesAt, Status status, Instant openedAt, boolean nonVotersApprove,
                         Instant decidedAt, Outcome outcome) {

    public enum Status { DRAFT, OPEN, DECIDED }

    /** The longest a vote runs, extensions included: owners must get their decision, and a typo of a year is not a window. */
    public static final java.time.Duration MAX_WINDOW = java.time.Duration.ofDays(90);

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
            throw new ResolutionRuleViolation("electorate.scope", "rules V7 and V9: only the maintenance fund of a building or lift, or adding a lift, may be decided "
                    + "by the affected owners alone; " + matter + " is decided by the whole community");
        }
        documents = List.copyOf(documents == null ? List.of() : documents);
    }

    public static Resolution draft(UUID id, UUID communityId, String title, String description, Matter matter, Scope scope,
                                   List<Document> documents, Instant closesAt, Instant now) {
        if (closesAt == null || !toTheSecond(closesAt).isAfter(now)) {
            throw new ResolutionRuleViolation("closesAt", "the voting window must close in the future");
        }
        if (closesAt.isAfter(now.plus(MAX_WINDOW))) {
            throw new ResolutionRuleViolation("closesAt", "a vote runs at most " + MAX_WINDOW.toDays() + " days: close it by " + now.plus(MAX_WINDOW));
        }
        return new Resolution(id, communityId, title, description, matter, scope, documents, toTheSecond(closesAt), Status.DRAFT, null, false,
                null, null);
    }

    /** A window is announced to the second: finer parts would only make two closes look different that owners see as one. */
    private static Instant toTheSecond(Instant moment) {
        return moment.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
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

    /** A change of the voting window (rule V10), kept and announced to the community. */
    public record Extension(Resolution resolution, Instant previousClosesAt, String reason) {
    }

    /**
     * Rule V10: extends the voting window to {@code newClosesAt} (to the second), never shortens it, and only while
     * it is still running (once it has ended the vote is decided as it stands).
     *
     * @param reason why, for the notice to the community; at most 500 characters
     */
    public Extension extend(Instant newClosesAt, String reason, Instant now) {
        requireOpen(now);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new ResolutionRuleViolation("reason", "say why the vote is extended (at most 500 characters): owners read it on the notice board");
        }
        if (newClosesAt == null || !toTheSecond(newClosesAt).isAfter(closesAt)) {
            throw new ResolutionRuleViolation("closesAt", "rule V10: a voting window may be extended, never shortened; "
                    + "give a time at least a second after the announced close " + closesAt);
        }
        if (newClosesAt.isAfter(openedAt.plus(MAX_WINDOW))) {
            throw new ResolutionRuleViolation("closesAt", "a vote runs at most %d days from its opening, extensions included: close it by %s"
                    .formatted(MAX_WINDOW.toDays(), openedAt.plus(MAX_WINDOW)));
        }
        Resolution extended = new Resolution(id, communityId, title, description, matter, scope, documents, toTheSecond(newClosesAt), status, openedAt,
                nonVotersApprove, null, null);
        return new Extension(extended, closesAt, why);
    }

    /**
     * Closes the vote once its window has ended (rule V10): never earlier, because until then every
     * owner may still vote or change a vote already cast, and either could change the outcome.
     */
    public Decision close(Electorate electorate, Map<UUID, Choice> ballots, Instant now) {
        if (status != Status.OPEN) {
            throw new ResolutionRuleViolation("status", "only an open vote can be closed; this resolution is " + status.name().toLowerCase());
        }
        if (now.isBefore(closesAt)) {
            throw new ResolutionRuleViolation("closesAt", "rule V10: the voting window announced to the owners runs until " + closesAt
                    + " and may not be shortened: until then owners may still vote or change their vote. The vote is decided "
                    + "automatically when the window ends; the committee may extend it, never end it early.");
        }
        Tally tally = Tally.count(electorate, ballots, nonVotersApprove);
        Resolution decided = new Resolution(id, communityId, title, description, matter, scope, documents, closesAt, Status.DECIDED,
                openedAt, nonVotersApprove, now, tally.outcome(threshold()));
        return new Decision(decided, tally, new AssemblyEvent.ResolutionDecided(decided, tally));
    }
}
