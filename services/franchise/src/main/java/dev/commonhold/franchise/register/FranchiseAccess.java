package dev.commonhold.franchise.register;

import dev.commonhold.platform.security.Role;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Who sees and does what under a franchise: an admin of the operator that runs every covered community
 * records the agreement, its amendments and the yearly reports, and raises the share due; its staff read;
 * a regulator whose jurisdiction covers the agreement's reads everything of it and records evaluations;
 * residents and the committee of a covered community read the terms and what is owed to them. Anyone
 * else gets 404: an agreement they may not see does not exist for them.
 */
@Component
public class FranchiseAccess {

    private final Register register;

    FranchiseAccess(Register register) {
        this.register = register;
    }

    /** The covered communities, when the viewer is an operator admin running all of them; a community not in the register names its field. */
    public List<CommunityCopy> operatorAdminOf(Viewer viewer, List<UUID> communities) {
        List<CommunityCopy> known = register.communities(communities);
        for (int i = 0; i < communities.size(); i++) {
            UUID id = communities.get(i);
            if (known.stream().noneMatch(c -> c.id().equals(id))) {
                throw ProblemException.invalid("communities[" + i + "]", "no such community in the register: " + id);
            }
        }
        for (CommunityCopy c : known) {
            if (!viewer.manages(c.ref()) || !viewer.has(Role.OPERATOR_ADMIN)) {
                throw new AccessDeniedException("only an operator admin of the operator running every covered community records its franchise");
            }
        }
        return known;
    }

    /** What the viewer may do with an agreement under a jurisdiction covering these communities. */
    public Seat seat(Viewer viewer, String jurisdiction, List<UUID> communities) {
        List<CommunityCopy> covered = register.communities(communities);
        if (viewer.has(Role.PLATFORM_ADMIN)) {
            return Seat.READER;
        }
        if (viewer.has(Role.REGULATOR) && viewer.jurisdiction().stream().anyMatch(jurisdiction::startsWith)) {
            return Seat.REGULATOR;
        }
        if (!covered.isEmpty() && covered.stream().allMatch(c -> viewer.manages(c.ref()))) {
            return viewer.has(Role.OPERATOR_ADMIN) ? Seat.OPERATOR_ADMIN : Seat.READER;
        }
        if (viewer.hasAny(Role.RESIDENT, Role.COMMITTEE) && covered.stream().anyMatch(c -> viewer.communities().contains(c.id()))) {
            return Seat.OWNER;
        }
        return Seat.NONE;
    }

    /** OPERATOR_ADMIN records; REGULATOR reads all and evaluates; READER (operator staff, platform admin) reads all; OWNER reads terms and what is owed to their community. */
    public enum Seat {
        OPERATOR_ADMIN, REGULATOR, READER, OWNER, NONE;

        public Seat requireSeen(UUID agreementId) {
            if (this == NONE) {
                throw ProblemException.notFound("Agreement", agreementId);
            }
            return this;
        }

        public void requireOperatorAdmin() {
            if (this != OPERATOR_ADMIN) {
                throw new AccessDeniedException("only an admin of the operator running the covered communities may do this");
            }
        }

        public void requireRegulator() {
            if (this != REGULATOR) {
                throw new AccessDeniedException("only a regulator whose jurisdiction covers this agreement may evaluate it");
            }
        }

        /** Everything (reviews, findings, reports): not an owner, who reads the terms and their own community's share. */
        public void requireOversight() {
            if (this == OWNER) {
                throw new AccessDeniedException("owners read the terms and the share owed to their community; the reviews are the operator's and the regulator's");
            }
        }
    }
}
