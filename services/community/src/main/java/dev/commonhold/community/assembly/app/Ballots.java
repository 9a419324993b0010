package dev.commonhold.community.assembly.app;

import dev.commonhold.community.assembly.domain.Ballot;
import dev.commonhold.community.assembly.domain.Choice;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Port: every ballot, append-only; the latest per owner counts (rule V8). */
public interface Ballots {

    void append(Ballot ballot);

    Map<UUID, Choice> latest(UUID resolutionId);

    /** Every ballot of the resolution, superseded ones included, in the order they were cast. */
    List<Ballot> all(UUID resolutionId);

    List<Ballot> history(UUID resolutionId, List<UUID> ownerIds);
}
