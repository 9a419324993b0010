package dev.commonhold.community.assembly.app;

import dev.commonhold.community.assembly.domain.Ballot;
import dev.commonhold.community.assembly.domain.Choice;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Port: every ballot, append-only; the latest per owner counts. */
public interface Ballots {

    void append(Ballot ballot);

    Map<UUID, Choice> latest(UUID resolutionId);

    List<Ballot> latestBallots(UUID resolutionId);

    List<Ballot> history(UUID resolutionId, List<UUID> ownerIds);
}
