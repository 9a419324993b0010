package dev.commonhold.leasing.spaces.app;

import dev.commonhold.leasing.register.CommunityCopy;
import dev.commonhold.leasing.register.LeasingAccess;
import dev.commonhold.leasing.spaces.domain.Space;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The operator registers a community's leasable spaces; everyone who may read the community sees them and which are let today. */
@Service
public class Spaces {

    /** A space and whether a lease covers it today. */
    public record SpaceView(Space space, boolean leasedToday) {
    }

    private final SpaceStore store;
    private final LeasingAccess access;
    private final Clock clock;

    Spaces(SpaceStore store, LeasingAccess access, Clock clock) {
        this.store = store;
        this.access = access;
        this.clock = clock;
    }

    /** @throws dev.commonhold.leasing.spaces.domain.LeasingRuleViolation from the space's own rules (L4, franchise); 409 for a code taken */
    @Transactional
    public Space register(Viewer viewer, UUID communityId, Space asked) {
        access.staffOf(viewer, communityId);
        Space space = new Space(Ids.newId(), communityId, asked.code().strip().toUpperCase(java.util.Locale.ROOT), asked.name().strip(), asked.kind(), asked.ownership(),
                asked.areaCentiM2(), asked.franchiseReference(), asked.civilDefenceApproval(), asked.condition(), asked.photoSha256());
        if (!store.insert(space)) {
            throw ProblemException.conflict("the community already has a space with the code " + space.code());
        }
        return space;
    }

    public List<SpaceView> list(Viewer viewer, UUID communityId) {
        CommunityCopy community = access.readable(viewer, communityId);
        Set<UUID> leased = store.leasedOn(communityId, LocalDate.now(clock.withZone(community.zone())));
        return store.list(communityId).stream().map(s -> new SpaceView(s, leased.contains(s.id()))).toList();
    }

    public SpaceView get(Viewer viewer, UUID communityId, UUID spaceId) {
        CommunityCopy community = access.readable(viewer, communityId);
        Space space = store.find(communityId, spaceId).orElseThrow(() -> ProblemException.notFound("Space", spaceId));
        return new SpaceView(space, store.leasedOn(communityId, LocalDate.now(clock.withZone(community.zone()))).contains(spaceId));
    }

    /** Files a photo of the space's condition by its SHA-256; filing the same photo again changes nothing. */
    @Transactional
    public SpaceView addPhoto(Viewer viewer, UUID communityId, UUID spaceId, String sha256) {
        access.staffOf(viewer, communityId);
        store.find(communityId, spaceId).orElseThrow(() -> ProblemException.notFound("Space", spaceId));
        store.addPhoto(spaceId, sha256);
        return get(viewer, communityId, spaceId);
    }
}
