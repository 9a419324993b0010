package dev.commonhold.community.membership.app;

import dev.commonhold.community.membership.domain.BindingEvent;
import dev.commonhold.community.membership.domain.BindingRequest;
import dev.commonhold.community.registry.domain.InvalidRegistryData;
import dev.commonhold.community.registry.domain.RegistryConflict;
import dev.commonhold.community.registry.app.Buildings;
import dev.commonhold.community.registry.app.Communities;
import dev.commonhold.community.registry.app.Owners;
import dev.commonhold.community.registry.app.RegistryAccess;
import dev.commonhold.community.registry.app.Units;
import dev.commonhold.community.registry.domain.Building;
import dev.commonhold.community.registry.domain.Community;
import dev.commonhold.community.registry.domain.Owner;
import dev.commonhold.community.registry.domain.Resident;
import dev.commonhold.community.registry.domain.Unit;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Requests to be bound without a code (业主认证): a user names the community, building and unit,
 * their name and phone and as what they live there; the operator approves or rejects with a
 * reason, and the owner of record may decide one for a family member or tenant of their own unit.
 */
@Service
public class BindingReview {

    /** At most this many undecided requests per user, so nobody floods an operator's queue. */
    static final int MAX_PENDING_PER_USER = 5;

    public record NewRequest(UUID communityId, String building, String unit, String relation, String name, String phone, String note) {
    }

    /** A request with what the reviewer needs beside it; {@code phoneVisible} is false where it must be masked. */
    public record Reviewed(BindingRequest request, String buildingName, String unitNumber, String ownerOfRecord, boolean phoneVisible) {
    }

    private final Communities communities;
    private final RegistryAccess access;
    private final Buildings buildings;
    private final Units units;
    private final Owners owners;
    private final BindingRequests requests;
    private final Binder binder;
    private final AccountSync sync;
    private final Clock clock;

    BindingReview(Communities communities, RegistryAccess access, Buildings buildings, Units units, Owners owners, BindingRequests requests,
                  Binder binder, AccountSync sync, Clock clock) {
        this.communities = communities;
        this.access = access;
        this.buildings = buildings;
        this.units = units;
        this.owners = owners;
        this.requests = requests;
        this.binder = binder;
        this.sync = sync;
        this.clock = clock;
    }

    /** Any signed-in user may ask, for any community (they are not in one yet); the unit is named as it is written on the door. */
    @Transactional
    public Reviewed open(Viewer viewer, NewRequest request) {
        if (request.communityId() == null) {
            throw new InvalidRegistryData("communityId", "is required: find your community with GET /api/community/directory?name=…");
        }
        Community community = communities.find(request.communityId())
                .orElseThrow(() -> new InvalidRegistryData("communityId", "no such community"));
        Building building = buildings.ofCommunity(community.id()).stream().filter(b -> b.name().equals(strip(request.building()))).findFirst()
                .orElseThrow(() -> new InvalidRegistryData("building", "no building '%s' in %s".formatted(request.building(), community.name())));
        Unit unit = units.list(community.id(), building.id(), null, InvitationIssuing.MAX_UNITS_PER_SHEET).stream()
                .filter(u -> u.number().equals(strip(request.unit()))).findFirst()
                .orElseThrow(() -> new InvalidRegistryData("unit", "no unit '%s' in %s".formatted(request.unit(), building.name())));
        BindingRequest opened = BindingRequest.open(Ids.newId(), community.id(), unit.id(), viewer.subject(), relation(request.relation()),
                request.name(), request.phone(), request.note(), clock.instant());
        binder.requireBindable(unit, opened.relation(), viewer.subject());
        if (requests.pendingFor(viewer.subject(), unit.id())) {
            throw new RegistryConflict("you have asked to be bound to this home already; wait for the decision or withdraw that request");
        }
        if (requests.pendingOf(viewer.subject()) >= MAX_PENDING_PER_USER) {
            throw new RegistryConflict("you have %d requests waiting already; wait for a decision or withdraw one".formatted(MAX_PENDING_PER_USER));
        }
        requests.insert(opened);
        return new Reviewed(opened, building.name(), unit.number(), null, true);
    }

    @Transactional(readOnly = true)
    public List<Reviewed> mine(Viewer viewer) {
        return requests.ofUser(viewer.subject()).stream().map(r -> reviewed(r, true, false)).toList();
    }

    @Transactional
    public Reviewed withdraw(Viewer viewer, UUID requestId) {
        BindingRequest request = requests.lock(requestId).filter(r -> r.userId().equals(viewer.subject()))
                .orElseThrow(() -> ProblemException.notFound("Binding request", requestId));
        BindingRequest withdrawn = request.withdrawn(clock.instant(), viewer.subject());
        requests.update(withdrawn);
        return reviewed(withdrawn, true, false);
    }

    /**
     * The community's requests: every one for its operator (phones in full), those for their own
     * units for an owner of record (phones masked). Nobody else sees any.
     */
    @Transactional(readOnly = true)
    public List<Reviewed> ofCommunity(Viewer viewer, UUID communityId, String status, UUID after, int limit) {
        Community community = access.readable(viewer, communityId);
        BindingRequest.Status only = status == null || status.isBlank() ? null : status(status);
        if (viewer.manages(RegistryAccess.ref(community))) {
            return requests.ofCommunity(communityId, null, only, after, limit).stream().map(r -> reviewed(r, true, true)).toList();
        }
        List<UUID> ownUnits = units.ofOwners(owners.ofUser(communityId, viewer.subject()).stream().map(Owner::id).toList())
                .stream().map(Unit::id).toList();
        if (ownUnits.isEmpty()) {
            throw new AccessDeniedException("binding requests are for the operator, and for owners of record about their own units");
        }
        return requests.ofCommunity(communityId, ownUnits, only, after, limit).stream().map(r -> reviewed(r, false, true)).toList();
    }

    @Transactional
    public Reviewed approve(Viewer viewer, UUID communityId, UUID requestId) {
        Community community = access.readable(viewer, communityId);
        BindingRequest request = pendingOf(communityId, requestId);
        BindingRequest.Decider as = decider(viewer, community, request);
        Instant now = clock.instant();
        Unit unit = units.find(communityId, request.unitId()).orElseThrow();
        Binder.Source source = new Binder.Source(BindingEvent.Via.REQUEST, request.id(), viewer.subject(), now);
        if (request.relation() == Resident.Relation.OWNER) {
            binder.bindOwner(unit, request.userId(), source);
        } else {
            binder.bindResident(unit, request.relation(), request.userId(), request.name(), request.phone(),
                    LocalDate.now(clock.withZone(community.timeZone())), source);
        }
        BindingRequest approved = request.approved(now, viewer.subject(), as);
        requests.update(approved);
        sync.nudge();
        return reviewed(approved, as == BindingRequest.Decider.OPERATOR, true);
    }

    @Transactional
    public Reviewed reject(Viewer viewer, UUID communityId, UUID requestId, String reason) {
        Community community = access.readable(viewer, communityId);
        BindingRequest request = pendingOf(communityId, requestId);
        BindingRequest.Decider as = decider(viewer, community, request);
        BindingRequest rejected = request.rejected(clock.instant(), viewer.subject(), as, reason);
        requests.update(rejected);
        return reviewed(rejected, as == BindingRequest.Decider.OPERATOR, true);
    }

    private BindingRequest pendingOf(UUID communityId, UUID requestId) {
        BindingRequest request = requests.lock(requestId).filter(r -> r.communityId().equals(communityId))
                .orElseThrow(() -> ProblemException.notFound("Binding request", requestId));
        if (request.status() != BindingRequest.Status.PENDING) {
            throw new RegistryConflict("this request was " + request.status().name().toLowerCase(Locale.ROOT) + " already");
        }
        return request;
    }

    /** The operator's staff decide any request; the owner of record a family member's or tenant's of their own unit. */
    private BindingRequest.Decider decider(Viewer viewer, Community community, BindingRequest request) {
        if (viewer.manages(RegistryAccess.ref(community)) && !viewer.has(dev.commonhold.platform.security.Role.PLATFORM_ADMIN)) {
            return BindingRequest.Decider.OPERATOR;
        }
        Unit unit = units.find(community.id(), request.unitId()).orElseThrow();
        boolean ownerOfRecord = owners.ofUser(community.id(), viewer.subject()).stream().anyMatch(o -> o.id().equals(unit.ownerId()));
        if (ownerOfRecord && request.decidableByOwnerOfRecord() && !viewer.subject().equals(request.userId())) {
            return BindingRequest.Decider.OWNER_OF_RECORD;
        }
        throw new AccessDeniedException(ownerOfRecord && !request.decidableByOwnerOfRecord()
                ? "only the operator decides who is an owner"
                : "only the operator, or the owner of record for a family member or tenant of their own unit, decides this request");
    }

    private Reviewed reviewed(BindingRequest request, boolean phoneVisible, boolean withOwner) {
        Unit unit = units.find(request.communityId(), request.unitId()).orElseThrow();
        String building = buildings.find(request.communityId(), unit.buildingId()).map(Building::name).orElse("");
        String owner = withOwner && phoneVisible ? owners.find(request.communityId(), unit.ownerId()).map(Owner::name).orElse(null) : null;
        return new Reviewed(request, building, unit.number(), owner, phoneVisible);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static Resident.Relation relation(String value) {
        try {
            return Resident.Relation.valueOf(strip(value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRegistryData("relation", "must be owner, family or tenant");
        }
    }

    private static BindingRequest.Status status(String value) {
        try {
            return BindingRequest.Status.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRegistryData("status", "must be pending, approved, rejected or withdrawn");
        }
    }
}
