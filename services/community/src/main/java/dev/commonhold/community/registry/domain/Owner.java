package dev.commonhold.community.registry.domain;

import java.util.UUID;

/**
 * An owner (业主) of one or more units. Joint owners of one unit are one owner here: the law counts
 * each unit once (rule V5). A buyer of several units is one owner with several units.
 *
 * @param externalRef the operator's own reference for this owner (from their spreadsheet), unique per community
 * @param userId      the owner's login (Keycloak subject), once linked
 */
public record Owner(UUID id, UUID communityId, OwnerKind kind, String name, String phone, String externalRef, String userId) {

    public Owner {
        name = Text.required("ownerName", name, 100);
        phone = Phone.normalise(phone);
        externalRef = Text.optionalIdentifier("ownerRef", externalRef, 64);
        if (kind == null) {
            throw new InvalidRegistryData("ownerKind", "is required");
        }
    }

    public Owner linkedTo(String login) {
        return new Owner(id, communityId, kind, name, phone, externalRef, Text.required("userId", login, 64));
    }

    /** Same person in a spreadsheet row: same name and kind under the same reference. */
    public boolean sameAs(OwnerKind otherKind, String otherName) {
        return kind == otherKind && name.equals(otherName == null ? null : otherName.strip());
    }
}
