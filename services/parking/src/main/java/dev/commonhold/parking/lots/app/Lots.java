package dev.commonhold.parking.lots.app;

import dev.commonhold.parking.lots.domain.Gate;
import dev.commonhold.parking.lots.domain.Lot;
import dev.commonhold.parking.lots.domain.ParkingRuleViolation;
import dev.commonhold.parking.lots.domain.Space;
import dev.commonhold.parking.lots.domain.SpaceKind;
import dev.commonhold.parking.register.CommunityCopy;
import dev.commonhold.parking.register.ParkingAccess;
import dev.commonhold.parking.register.Register;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The operator sets up lots, marks their spaces by kind (K1) and registers the gate cameras. */
@Service
public class Lots {

    /** A space to add: its number, its kind, and for a private space its unit. */
    public record NewSpace(String number, SpaceKind kind, UUID unitId) {
    }

    /** A lot with how many spaces of each kind it has. */
    public record LotView(Lot lot, Map<SpaceKind, Integer> spaces, List<Gate> gates) {
    }

    private final LotStore store;
    private final ParkingAccess access;
    private final Register register;

    Lots(LotStore store, ParkingAccess access, Register register) {
        this.store = store;
        this.access = access;
        this.register = register;
    }

    @Transactional
    public Lot create(Viewer viewer, Lot asked) {
        access.staffOf(viewer, asked.communityId());
        Lot lot = new Lot(Ids.newId(), asked.communityId(), asked.name().strip(), asked.capacity(), asked.visitorSpaceKind(), asked.minimumFeeFen(),
                asked.maxHourFen(), asked.maxDailyFen(), asked.permitQuota(), asked.permitMonthlyFen(), asked.permitSpaceKind(), asked.permitGraceDays());
        if (!store.insert(lot)) {
            throw ProblemException.conflict("the community already has a lot named " + lot.name());
        }
        return lot;
    }

    public LotView view(Viewer viewer, UUID communityId, UUID lotId) {
        access.readable(viewer, communityId);
        Lot lot = lot(communityId, lotId);
        return new LotView(lot, store.spaceCounts(lot.id()), store.gates(lot.id()));
    }

    public List<LotView> list(Viewer viewer, UUID communityId) {
        access.readable(viewer, communityId);
        return store.list(communityId).stream().map(l -> new LotView(l, store.spaceCounts(l.id()), store.gates(l.id()))).toList();
    }

    /** Adds spaces all or none: a number the lot has, a number twice, a unit not of the community or more spaces than the capacity refuse all. */
    @Transactional
    public int addSpaces(Viewer viewer, UUID communityId, UUID lotId, List<NewSpace> asked) {
        CommunityCopy community = access.staffOf(viewer, communityId);
        Lot lot = lot(communityId, lotId);
        Set<String> seen = new HashSet<>();
        List<Space> spaces = asked.stream().map(s -> new Space(Ids.newId(), lot.id(), s.number() == null ? null : s.number().strip(), s.kind(),
                s.unitId())).toList();
        for (Space space : spaces) {
            if (!seen.add(space.number())) {
                throw new ParkingRuleViolation(null, "spaces", "space " + space.number() + " is listed twice");
            }
            if (space.unitId() != null && register.unit(community.id(), space.unitId()).isEmpty()) {
                throw new ParkingRuleViolation(null, "spaces", "space " + space.number() + ": unit " + space.unitId() + " is not of this community");
            }
        }
        List<String> existing = store.existingNumbers(lot.id(), List.copyOf(seen));
        if (!existing.isEmpty()) {
            throw ProblemException.conflict("the lot already has spaces " + existing.stream().limit(10).toList() + ": nothing was added");
        }
        if (store.spaceCount(lot.id()) + spaces.size() > lot.capacity()) {
            throw new ParkingRuleViolation(null, "spaces", "the lot holds " + lot.capacity() + " cars; it has " + store.spaceCount(lot.id())
                    + " spaces and " + spaces.size() + " more would be over its capacity");
        }
        store.addSpaces(spaces);
        return spaces.size();
    }

    @Transactional
    public Gate addGate(Viewer viewer, UUID communityId, UUID lotId, Gate asked) {
        access.staffOf(viewer, communityId);
        Lot lot = lot(communityId, lotId);
        Gate gate = new Gate(asked.serial(), lot.id(), asked.name(), asked.direction());
        if (!store.insertGate(gate)) {
            throw ProblemException.conflict("a camera with serial " + gate.serial() + " is registered already");
        }
        return gate;
    }

    public Lot lot(UUID communityId, UUID lotId) {
        return store.find(communityId, lotId).orElseThrow(() -> ProblemException.notFound("Lot", lotId));
    }
}
