package dev.commonhold.fund.projects.domain;

import dev.commonhold.fund.accounts.domain.FundRuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A use of the fund (F4–F7): a repair of common parts for named units, proposed with an estimate
 * and a contractor; allowed by the affected owners' vote (normal path, F6, V3 over exactly those
 * owners, V7) or, for a listed emergency, by the committee's confirmation with work starting within
 * 7 days (F7); paid to the contractor's bank account in stages, never more than it costs.
 *
 * @param estimateFen  fen; {@code finalCostFen} once the work is accepted, null before
 * @param resolutionId the owners' vote it waits for or was approved by (normal path)
 */
public record UseProject(UUID id, UUID communityId, String title, Category category, Path path, Status status, long estimateFen,
                         Long finalCostFen, String contractor, String contractorAccount, UUID resolutionId, String confirmedBy,
                         Instant confirmedAt, LocalDate workStartsBy, String statusNote) {

    public enum Path { NORMAL, EMERGENCY }

    public enum Status { PROPOSED, APPROVED, REFUSED, COMPLETED }

    public enum Stage { ADVANCE, PROGRESS, COMPLETION, RETENTION }

    /** The largest estimate taken: 1,000,000,000 yuan. */
    public static final long MAX_FEN = 100_000_000_000L;
    /** Rule F7: work on an emergency starts within 7 days of its confirmation. */
    public static final int EMERGENCY_START_DAYS = 7;

    public static UseProject propose(UUID id, UUID communityId, String title, Category category, Path path, long estimateFen, String contractor,
                                     String contractorAccount) {
        String name = title == null ? "" : title.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new FundRuleViolation("F4", "title", "say what is repaired, in at most 200 characters");
        }
        if (!category.payable()) {
            throw new FundRuleViolation("F5", "category", "the fund never pays for " + category.chinese() + " (" + category.name().toLowerCase()
                    + "): warranty repairs are the developer's, damage is the utility's or the liable person's, upkeep and services are property fees");
        }
        if (path == Path.EMERGENCY && !category.emergencyCase()) {
            throw new FundRuleViolation("F7", "path", category.name().toLowerCase() + " is not on the city's list of emergencies (lift failure, "
                    + "roof or wall leaks, fire systems, burst pipes, blocked drains): it needs the affected owners' vote");
        }
        if (estimateFen <= 0 || estimateFen > MAX_FEN) {
            throw new FundRuleViolation("F4", "estimateFen", "an estimate in fen, more than 0 and at most " + MAX_FEN);
        }
        if (contractor == null || contractor.isBlank() || contractorAccount == null || !contractorAccount.strip().matches("[0-9]{8,32}")) {
            throw new FundRuleViolation("F6", "contractorAccount", "the bank pays the contractor directly: name the contractor and its bank "
                    + "account number (8 to 32 digits); no money passes through the operator");
        }
        return new UseProject(id, communityId, name, category, path, Status.PROPOSED, estimateFen, null, contractor.strip(),
                contractorAccount.strip(), null, null, null, null, null);
    }

    /** The committee links the owners' vote that decides it (normal path only). */
    public UseProject awaiting(UUID resolution) {
        requireStatus(Status.PROPOSED, "resolutionId");
        if (path != Path.NORMAL) {
            throw new FundRuleViolation("F7", "resolutionId", "an emergency is confirmed by the committee, not voted");
        }
        return with(Status.PROPOSED, resolution, statusNote);
    }

    /**
     * The owners' decision, checked against the project: approved, of the matter "use of the fund"
     * (V3), by exactly the affected units (V7). Otherwise the project is refused with the reason.
     */
    public UseProject decided(String matter, String outcome, Set<UUID> votedUnits, Set<UUID> affectedUnits) {
        requireStatus(Status.PROPOSED, "resolutionId");
        return refusal(category, matter, outcome, votedUnits, affectedUnits).map(reason -> with(Status.REFUSED, resolutionId, reason))
                .orElseGet(() -> with(Status.APPROVED, resolutionId, "approved by the affected owners' vote"));
    }

    static Optional<String> refusal(Category category, String matter, String outcome, Set<UUID> votedUnits, Set<UUID> affectedUnits) {
        if (!"APPROVED".equals(outcome)) {
            return Optional.of("the owners did not approve it (" + outcome + ")");
        }
        if (category == Category.LIFT_RETROFIT && !"ADD_LIFT".equals(matter)) {
            return Optional.of("rule V9: adding a lift is a rebuilding, decided as add_lift by the building's owners with the special majority; "
                    + "the vote was on " + matter);
        }
        if (category != Category.LIFT_RETROFIT && !"USE_MAINTENANCE_FUND".equals(matter)) {
            return Optional.of("rule V3: the vote was on " + matter + ", not on using the maintenance fund");
        }
        if (!votedUnits.equals(affectedUnits)) {
            Set<UUID> notAsked = new HashSet<>(affectedUnits);
            notAsked.removeAll(votedUnits);
            Set<UUID> notAffected = new HashSet<>(votedUnits);
            notAffected.removeAll(affectedUnits);
            return Optional.of("rule V7: the vote's electorate is not the project's affected units (%d affected units not asked, %d units asked "
                    .formatted(notAsked.size(), notAffected.size()) + "that are not affected)");
        }
        return Optional.empty();
    }

    /** Rule F7: the committee (or the street office) confirms an emergency; work must start within 7 days. */
    public UseProject confirmedEmergency(String by, Instant at, LocalDate today) {
        requireStatus(Status.PROPOSED, "path");
        if (path != Path.EMERGENCY) {
            throw new FundRuleViolation("F6", "path", "a normal project needs the affected owners' vote (V3, V7), not a confirmation");
        }
        return new UseProject(id, communityId, title, category, path, Status.APPROVED, estimateFen, finalCostFen, contractor, contractorAccount,
                null, by, at, today.plusDays(EMERGENCY_START_DAYS), "emergency confirmed; published with its apportionment after the work");
    }

    /** What the contractor may be paid in all: the accepted final cost, or the estimate until then. */
    public long costFen() {
        return finalCostFen != null ? finalCostFen : estimateFen;
    }

    /**
     * Rule F6: a stage paid on accepted work, never more than the cost in all; the completion
     * states the final cost (re-apportioned), the retention comes after it.
     */
    public UseProject pay(Stage stage, long amountFen, long paidSoFar, Long finalCost, boolean completed) {
        if (status != Status.APPROVED) {
            throw new FundRuleViolation("F6", "stage", "only an approved project is paid; this one is " + status.name().toLowerCase());
        }
        if (amountFen <= 0 || amountFen > MAX_FEN) {
            throw new FundRuleViolation("F6", "amountFen", "a payment is more than 0 fen and at most " + MAX_FEN);
        }
        if (stage == Stage.RETENTION && !completed) {
            throw new FundRuleViolation("F6", "stage", "the retention is released after the completion, at the end of the warranty");
        }
        if (completed && stage != Stage.RETENTION) {
            throw new FundRuleViolation("F6", "stage", "the work was completed and settled at its final cost: only the retention is paid after it");
        }
        if (stage != Stage.COMPLETION && finalCost != null) {
            throw new FundRuleViolation("F6", "finalCostFen", "the final cost is stated with the completion only");
        }
        Long cost = this.finalCostFen;
        if (stage == Stage.COMPLETION) {
            if (finalCost == null || finalCost <= 0 || finalCost > MAX_FEN) {
                throw new FundRuleViolation("F6", "finalCostFen", "the completion states the accepted final cost in fen");
            }
            cost = finalCost;
        }
        long limit = cost != null ? cost : estimateFen;
        if (amountFen > limit - paidSoFar) {
            throw new FundRuleViolation("F6", "amountFen", "paid so far %d fen + %d fen is more than the %s of %d fen".formatted(paidSoFar, amountFen,
                    cost != null ? "final cost" : "estimate", limit));
        }
        return new UseProject(id, communityId, title, category, path, status, estimateFen, cost, contractor, contractorAccount, resolutionId,
                confirmedBy, confirmedAt, workStartsBy, statusNote);
    }

    private void requireStatus(Status expected, String field) {
        if (status != expected) {
            throw new FundRuleViolation("F6", field, "this project is " + status.name().toLowerCase() + ", not " + expected.name().toLowerCase());
        }
    }

    private UseProject with(Status newStatus, UUID resolution, String note) {
        return new UseProject(id, communityId, title, category, path, newStatus, estimateFen, finalCostFen, contractor, contractorAccount,
                resolution, confirmedBy, confirmedAt, workStartsBy, note);
    }
}
