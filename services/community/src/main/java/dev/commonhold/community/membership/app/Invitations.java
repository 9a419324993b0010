package dev.commonhold.community.membership.app;

import dev.commonhold.community.membership.domain.Invitation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: invitations, found by their code's SHA-256 (the code itself is never stored). */
public interface Invitations {

    void insert(Invitation invitation, byte[] codeSha256);

    /** The invitation with this code, locked for the transaction. */
    Optional<Invitation> lockByCode(byte[] codeSha256);

    Optional<Invitation> lock(UUID communityId, UUID invitationId);

    void update(Invitation invitation);

    /** Withdraws the unit's unused owner codes (a new one is issued, or the unit was sold); returns how many. */
    int revokeActiveOwnerCodes(UUID unitId, Instant now, String by);

    List<Invitation> list(UUID communityId, UUID unitId, UUID after, int limit);
}
