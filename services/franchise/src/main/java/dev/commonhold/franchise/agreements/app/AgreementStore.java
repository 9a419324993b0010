package dev.commonhold.franchise.agreements.app;

import dev.commonhold.franchise.agreements.domain.Agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where agreements are kept, version by version, and which agreement covers a community's revenue class. */
public interface AgreementStore {

    /** A recorded version with who recorded it. */
    record Recorded(Agreement agreement, UUID operatorCompanyId, String recordedBy, Instant recordedAt) {
    }

    /**
     * Stores a new version and makes its scope the agreement's coverage.
     *
     * @return the communities and classes another agreement already covers (nothing stored then); empty when stored
     */
    List<String> insert(Agreement agreement, UUID operatorCompanyId, String recordedBy, Instant at);

    Optional<Recorded> latest(UUID agreementId);

    List<Recorded> versions(UUID agreementId);

    /** The version in force on a day: the highest whose effective day is on or before it (version 1 before any). */
    Optional<Agreement> inForce(UUID agreementId, LocalDate day);

    /** Every agreement's latest version. */
    List<Recorded> all();

    Optional<UUID> covering(UUID communityId, String revenueClass);

    /** Serialises amendments of one agreement for the transaction. */
    void lock(UUID agreementId);
}
