package dev.commonhold.community.assembly.app;

import dev.commonhold.community.assembly.domain.Electorate;
import dev.commonhold.community.assembly.domain.Resolution;
import dev.commonhold.community.assembly.domain.Tally;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: resolutions and the electorate fixed when each opened. */
public interface Resolutions {

    void insert(Resolution resolution, String createdBy);

    Optional<Resolution> find(UUID communityId, UUID id);

    /** Locks the resolution exclusively for the rest of the transaction (opening, closing). */
    Optional<Resolution> lock(UUID communityId, UUID id);

    /** Locks it against closing but not against other ballots: many owners vote at once, a close waits for them. */
    Optional<Resolution> lockForBallot(UUID communityId, UUID id);

    void opened(Resolution resolution, Electorate electorate, List<Electorate.Holding> units, String openedBy);

    void decided(Resolution resolution, Tally tally, String tallyJson, String decidedBy);

    /** A voting window as extended (rule V10), kept with who extended it, when and why. */
    record WindowExtension(Instant previousClosesAt, Instant closesAt, String reason, Instant extendedAt, String extendedBy) {
    }

    void extended(Resolution.Extension extension, Instant at, String by);

    /** Every extension of this resolution's window, oldest first. */
    List<WindowExtension> extensions(UUID resolutionId);

    List<Resolution> list(UUID communityId, UUID after, int limit);

    /** Open resolutions whose window has ended, locked, skipping any another instance is closing. */
    List<Resolution> lockDue(Instant now, int limit);

    Electorate electorate(UUID resolutionId);

    /** The registered units in scope and their owners now: what the electorate is fixed from. */
    List<Electorate.Holding> holdings(UUID communityId, Resolution.Scope scope);

    boolean hasVoter(UUID resolutionId, UUID ownerId);

    /** Owners in this resolution's electorate whose login is this user. */
    List<UUID> votersOfUser(UUID resolutionId, String userId);
}
