package dev.commonhold.community.registry.app;

import dev.commonhold.community.registry.domain.Changed;
import dev.commonhold.community.registry.domain.Committee;
import dev.commonhold.community.registry.domain.InvalidRegistryData;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Role;
import dev.commonhold.platform.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Records who sits on the owners' committee after an election (or the street office forming a
 * property management committee). Committee members co-sign trust-account payments (rule T3),
 * so only an operator administrator or platform administrator may record it, and every change
 * is published.
 */
@Service
public class CommitteeAppointment {

    public record Appointment(String kind, LocalDate termStart, LocalDate termEnd, List<Member> members) {
    }

    public record Member(String name, String role, UUID ownerId, String userId) {
    }

    private final RegistryAccess access;
    private final Owners owners;
    private final Committees committees;
    private final RegistryEvents events;

    CommitteeAppointment(RegistryAccess access, Owners owners, Committees committees, RegistryEvents events) {
        this.access = access;
        this.owners = owners;
        this.committees = committees;
        this.events = events;
    }

    @Transactional
    public Committee appoint(Viewer viewer, UUID communityId, Appointment request) {
        viewer.require(Role.OPERATOR_ADMIN, Role.PLATFORM_ADMIN);
        access.managed(viewer, communityId);
        List<Committee.Member> members = (request.members() == null ? List.<Member>of() : request.members()).stream()
                .map(m -> member(communityId, m)).toList();
        Changed<Committee> appointed = Committee.appoint(new Committee(communityId, parse(Committee.Kind.class, "kind", request.kind()),
                request.termStart(), request.termEnd(), members));
        committees.insert(appointed.state(), viewer.subject());
        events.publish(appointed.events());
        return appointed.state();
    }

    private Committee.Member member(UUID communityId, Member member) {
        if (member.ownerId() != null && owners.find(communityId, member.ownerId()).isEmpty()) {
            throw new InvalidRegistryData("members.ownerId", "no such owner in this community: " + member.ownerId());
        }
        return new Committee.Member(Ids.newId(), member.name(), parse(Committee.Role.class, "members.role", member.role()),
                member.ownerId(), member.userId());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRegistryData(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }
}
