package dev.commonhold.fund.projects.app;

import dev.commonhold.fund.projects.domain.UseProject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Port: use projects, their affected units with each one's share, and the stages paid. */
public interface Projects {

    /**
     * An affected unit, in the register's order, with its share of the cost in fen.
     *
     * @param weight          what the split is by: the area, or for a retrofit the floor coefficient × area
     * @param contributionFen of the share, the owner's own contribution (retrofits, F10)
     * @param coefficient     the floor coefficient (hundredths) of a retrofit, else null
     */
    record AffectedUnit(UUID unitId, long areaCentiM2, long weight, long shareFen, long contributionFen, Integer coefficient) {
    }

    /** A retrofit's financing: the subsidy the government pays directly, and the floor coefficients agreed (JSON). */
    record Financing(long subsidyFen, String floorCoefficients) {
    }

    void financing(UUID projectId, Financing financing);

    Optional<Financing> financing(UUID projectId);

    record Payment(UUID id, UseProject.Stage stage, long amountFen, String bankReference, Instant paidAt) {
    }

    /** A decided vote of the owners' assembly, as community.resolution-decided.v1 said it. */
    record Decision(UUID resolutionId, UUID communityId, String title, String matter, String outcome, String scope, List<UUID> scopeIds) {
    }

    void insert(UseProject project, List<AffectedUnit> units, String proposedBy, Instant at);

    Optional<UseProject> find(UUID communityId, UUID projectId);

    Optional<UseProject> lock(UUID communityId, UUID projectId);

    Optional<UseProject> lockByResolution(UUID resolutionId);

    void update(UseProject project);

    List<UseProject> list(UUID communityId);

    List<AffectedUnit> units(UUID projectId);

    void shares(UUID projectId, List<AffectedUnit> units);

    /** Each unit's share of the estimate, as proposed (fen): beside its share now, the difference a final cost made (F6). */
    java.util.Map<UUID, Long> estimateShares(UUID projectId);

    void paid(UUID projectId, Payment payment, String by);

    List<Payment> payments(UUID projectId);

    void decided(Decision decision, Instant decidedAt);

    Optional<Decision> decision(UUID resolutionId);

    /** The units a decision's electorate covers, by this fund's copy of the register. */
    Set<UUID> unitsOf(Decision decision);
}
