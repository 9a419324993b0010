package dev.commonhold.trust.reconciliation.app;

import dev.commonhold.trust.reconciliation.domain.BankLine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The imported lines of each community's bank statements, and what someone decided about each difference. */
public interface BankStatementStore {

    /**
     * A stored line. {@code resolution} is null while nobody has decided about it, POSTED when an entry was
     * posted for it ({@code entryId}), EXPLAINED when only a note says why it differs.
     */
    record Stored(UUID id, long position, LocalDate valueDate, String description, long amountFen, long balanceFen, String reference,
                  String counterparty, String resolution, UUID entryId, String note, String resolvedByName, Instant resolvedAt) {
    }

    /** A note on an entry of the books that the bank has not shown (yet). */
    record EntryNote(UUID entryId, String note, String byName, Instant at) {
    }

    /** Holds other imports for the community until the caller's transaction ends, so two imports cannot both join the same last line. */
    void lock(UUID communityId);

    /** The last line imported so far (by date, then by order in its file). */
    Optional<Stored> last(UUID communityId);

    Map<String, Stored> byReference(UUID communityId, Collection<String> references);

    void insert(UUID communityId, UUID importId, List<BankLine> lines, String fileSha256, String importedBy, Instant at);

    /** Every line dated on or before {@code until}, oldest first. */
    List<Stored> lines(UUID communityId, LocalDate until);

    Optional<Stored> line(UUID communityId, UUID lineId);

    /** Records the decision unless one was recorded already; false when it was. */
    boolean resolve(UUID communityId, UUID lineId, String resolution, UUID entryId, String note, String by, String byName, Instant at);

    /** Records the note unless the entry has one; false when it had. */
    boolean noteEntry(UUID communityId, UUID entryId, String note, String by, String byName, Instant at);

    Map<UUID, EntryNote> entryNotes(UUID communityId);
}
