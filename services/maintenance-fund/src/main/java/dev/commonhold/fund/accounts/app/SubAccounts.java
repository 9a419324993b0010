package dev.commonhold.fund.accounts.app;

import dev.commonhold.fund.accounts.domain.Movement;
import dev.commonhold.fund.accounts.domain.SubAccount;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: the sub-accounts of every unit and their movements (append-only). */
public interface SubAccounts {

    /** Opens it if new; a sub-account whose deposit is not yet demanded takes a corrected area's deposit. */
    void open(UUID communityId, UUID unitId, long initialDepositFen, Instant at);

    Optional<SubAccount> find(UUID unitId);

    /** Locks the sub-account for the rest of the transaction (a credit, a debit, a demand). */
    Optional<SubAccount> lock(UUID unitId);

    /** Records the movements and moves each unit's balance by them; the journal entry they belong to is named. */
    void record(UUID communityId, UUID entryId, List<Movement> movements, Instant at);

    /**
     * Movements of one kind and day for many units at once: parallel arrays, amounts never 0. Their
     * description and reference are their journal entry's description and source, kept there once.
     */
    record Bulk(Movement.Kind kind, java.time.LocalDate valueDate, UUID[] unitIds, long[] amountsFen) {
    }

    /** As {@link #record}, written in bulk (COPY) and the balances moved in one statement. */
    void recordBulk(UUID communityId, UUID entryId, Bulk bulk, Instant at);

    /**
     * Each sub-account of the community with its balance-days over the period (rule F2): every
     * movement up to {@code to} weighted by the days it is held in the period, in unit id order.
     */
    Weights balanceDays(UUID communityId, java.time.LocalDate from, java.time.LocalDate to);

    record Weights(UUID[] unitIds, long[] balanceDays) {
    }

    void depositState(UUID unitId, SubAccount.DepositState state);

    /** Refunded on demolition (F9): it takes nothing more. */
    void close(UUID unitId, Instant at);

    boolean closed(UUID unitId);

    /** Whether the unit has a share in an approved project that is not paid in full yet. */
    boolean inUnfinishedProject(UUID unitId);

    /** Its balance was taken over; the initial deposit the old records state, if they do, replaces the computed one. */
    void imported(UUID unitId, Long initialDepositFen);

    List<Movement> movements(UUID unitId);

    /** What each of these units' sub-accounts has paid towards the project so far (movements referencing it), fen; one query. */
    java.util.Map<UUID, Long> paidTowards(UUID projectId, List<UUID> unitIds);

    List<SubAccount> ofCommunity(UUID communityId);

    /** Units of the register copy that have no sub-account yet. */
    List<UUID> unitsWithoutSubAccount(UUID communityId);

    /** Units whose initial deposit is still due (not demanded, paid or imported). */
    List<UUID> depositsDue(UUID communityId);

    /** Since when the operator demands initial deposits in this community (empty: not yet). */
    Optional<Instant> demandsSince(UUID communityId);

    /** From now on, unless it started already. */
    void startDemands(UUID communityId, Instant at);

    /** Each community's fund whose division code starts with the prefix: its totals (F8), set-based. */
    List<CommunityTotals> totalsOfRegion(String divisionPrefix);

    record CommunityTotals(UUID communityId, String name, String divisionCode, int subAccounts, long balanceFen, long owedToOwnersFen,
                           int belowTopUpLine, int projects, long paidToContractorsFen) {
    }

    /** Sum of the community's movements valued before this day, fen. */
    long totalBefore(UUID communityId, java.time.LocalDate day);

    /** The community's movements valued in [from, to), summed by kind; PROJECT movements by their reference (project:&lt;id&gt;). */
    List<YearReport.Amount> sumsByKind(UUID communityId, java.time.LocalDate from, java.time.LocalDate to);

    /** The sum of one kind of movement valued in [from, to), fen (signed). */
    long sumsByKindOf(UUID communityId, java.time.LocalDate from, java.time.LocalDate to, String kind);

    List<YearReport.Amount> usesByReference(UUID communityId, java.time.LocalDate from, java.time.LocalDate to);

    /** Sum of the community's sub-account balances, fen: always the ledger's 2101 balance. */
    long total(UUID communityId);
}
