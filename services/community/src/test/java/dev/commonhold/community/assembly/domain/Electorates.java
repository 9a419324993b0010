package dev.commonhold.community.assembly.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data: electorates of owners with given areas (in 0.01 m²), and their ballots. */
final class Electorates {

    private final List<Voter> voters = new ArrayList<>();
    private final Map<UUID, Choice> ballots = new HashMap<>();

    /** An owner with this area who casts this ballot (null: does not vote). */
    Electorates owner(long areaCenti, Choice ballot) {
        Voter voter = new Voter(UUID.randomUUID(), "PERSON", "owner " + (voters.size() + 1), areaCenti, 1);
        voters.add(voter);
        if (ballot != null) {
            ballots.put(voter.ownerId(), ballot);
        }
        return this;
    }

    Electorates owners(int count, long areaCenti, Choice ballot) {
        for (int i = 0; i < count; i++) {
            owner(areaCenti, ballot);
        }
        return this;
    }

    Electorate electorate() {
        return new Electorate(voters);
    }

    Map<UUID, Choice> ballots() {
        return Map.copyOf(ballots);
    }

    Tally tally() {
        return Tally.count(electorate(), ballots, false);
    }

    Tally tallyWithNonVotersApproving() {
        return Tally.count(electorate(), ballots, true);
    }
}
