package dev.commonhold.community.registry.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The owners' committee (业主委员会, elected) or, where none has been elected, the property
 * management committee (物业管理委员会, formed by the street office). Its members co-sign every
 * payment out of the trust account (rule T3), so who they are is published as an event.
 */
public record Committee(UUID communityId, Kind kind, LocalDate termStart, LocalDate termEnd, List<Member> members) {

    public enum Kind { OWNERS_COMMITTEE, PROPERTY_MANAGEMENT_COMMITTEE }

    public enum Role { CHAIR, VICE_CHAIR, MEMBER }

    public record Member(UUID id, String name, Role role, UUID ownerId, String userId) {
        public Member {
            name = Text.required("members.name", name, 100);
            userId = Text.optional("members.userId", userId, 64);
            if (role == null) {
                throw new InvalidRegistryData("members.role", "is required: chair, vice_chair or member");
            }
        }
    }

    public Committee {
        if (kind == null) {
            throw new InvalidRegistryData("kind", "is required");
        }
        if (termStart == null || termEnd == null || !termEnd.isAfter(termStart)) {
            throw new InvalidRegistryData("termEnd", "the term must end after it starts");
        }
        members = List.copyOf(members == null ? List.of() : members);
        if (members.isEmpty()) {
            throw new InvalidRegistryData("members", "a committee has members");
        }
        // Careful-operator rule (no numbered rule): one chair signs for the committee.
        if (members.stream().filter(m -> m.role() == Role.CHAIR).count() != 1) {
            throw new InvalidRegistryData("members", "exactly one member must be the chair");
        }
        Set<UUID> owners = new HashSet<>();
        if (members.stream().map(Member::ownerId).filter(Objects::nonNull).anyMatch(o -> !owners.add(o))) {
            throw new InvalidRegistryData("members", "the same owner appears twice");
        }
    }

    /** Replaces the whole membership, as an election or the street office does. */
    public static Changed<Committee> appoint(Committee committee) {
        return Changed.of(committee, new RegistryEvent.CommitteeChanged(committee));
    }
}
