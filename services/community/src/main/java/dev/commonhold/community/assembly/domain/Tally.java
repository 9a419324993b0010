package dev.commonhold.community.assembly.domain;

import java.util.Map;
import java.util.UUID;

/**
 * The count of a vote in both dimensions the Civil Code uses (exclusive area in 0.01 m², and
 * owners), in exact integers (rule V4). Abstentions take part but do not approve (V6). Owners who
 * did not vote take part and approve only where the community's own rules say so (V6 flag).
 */
public record Tally(long totalArea, int totalOwners, long approvingArea, int approvingOwners, long rejectingArea, int rejectingOwners,
                    long abstainingArea, int abstainingOwners) {

    /** Counts the latest ballot of each voter; ballots of owners outside the electorate are ignored. */
    public static Tally count(Electorate electorate, Map<UUID, Choice> ballots, boolean nonVotersApprove) {
        long[] area = new long[Choice.values().length];
        int[] owners = new int[Choice.values().length];
        for (Voter voter : electorate.voters()) {
            Choice choice = ballots.get(voter.ownerId());
            if (choice == null && nonVotersApprove) {
                choice = Choice.APPROVE;
            }
            if (choice != null) {
                area[choice.ordinal()] = Math.addExact(area[choice.ordinal()], voter.areaCentiSquareMetres());
                owners[choice.ordinal()]++;
            }
        }
        return new Tally(electorate.totalArea(), electorate.totalOwners(), area[0], owners[0], area[1], owners[1], area[2], owners[2]);
    }

    public long participatingArea() {
        return approvingArea + rejectingArea + abstainingArea;
    }

    public int participatingOwners() {
        return approvingOwners + rejectingOwners + abstainingOwners;
    }

    /** Rule V1: owners holding at least 2/3 of the area and at least 2/3 of the owners took part ("以上": inclusive). */
    public boolean quorumMet() {
        return Math.multiplyExact(participatingArea(), 3) >= Math.multiplyExact(totalArea, 2)
                && Math.multiplyExact((long) participatingOwners(), 3) >= Math.multiplyExact((long) totalOwners, 2);
    }

    /** Rules V2/V3: the matter's majority of the participating area and of the participating owners. */
    public boolean approved(Threshold threshold) {
        return threshold.approves(approvingArea, participatingArea()) && threshold.approves(approvingOwners, participatingOwners());
    }

    public Outcome outcome(Threshold threshold) {
        if (!quorumMet()) {
            return Outcome.NO_QUORUM;
        }
        return approved(threshold) ? Outcome.APPROVED : Outcome.REJECTED;
    }
}
