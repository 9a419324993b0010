package dev.commonhold.community.registry.app;

import dev.commonhold.community.registry.domain.Owner;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Port: owners of units. */
public interface Owners {

    void insertAll(List<Owner> owners);

    Optional<Owner> find(UUID communityId, UUID id);

    boolean referenceUsed(UUID communityId, String externalRef);

    /** Owners who have an external reference, by that reference. */
    Map<String, Owner> byReference(UUID communityId);

    void linkAccount(Owner owner);

    /** Links the owner's login only if it has none (a concurrent binding may have just given it one); false if it had. */
    boolean linkAccountIfNone(Owner owner);

    List<Owner> list(UUID communityId, UUID after, int limit);

    List<Owner> ofUser(UUID communityId, String userId);

    /** The login's owner records in every community. */
    List<Owner> ofUserEverywhere(String userId);
}
