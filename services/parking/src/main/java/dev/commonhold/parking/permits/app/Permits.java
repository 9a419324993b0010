package dev.commonhold.parking.permits.app;

import dev.commonhold.parking.charges.app.ParkingCharges;
import dev.commonhold.parking.gate.domain.Plate;
import dev.commonhold.parking.lots.app.Lots;
import dev.commonhold.parking.lots.domain.Lot;
import dev.commonhold.parking.lots.domain.ParkingRuleViolation;
import dev.commonhold.parking.permits.domain.Application;
import dev.commonhold.parking.permits.domain.OwnersFirst;
import dev.commonhold.parking.permits.domain.Permit;
import dev.commonhold.parking.register.CommunityCopy;
import dev.commonhold.parking.register.ParkingAccess;
import dev.commonhold.parking.register.Register;
import dev.commonhold.parking.register.UnitCopy;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Monthly permits (月卡, rule K2): a household registers its cars, applies for a permit in a lot
 * and waits in order — owners first; a free place goes to the next application at once, and
 * again whenever a permit lapses past its grace. A permit's months are one charge to billing on
 * the household, of the revenue class of the lot's permit spaces.
 */
@Service
public class Permits {

    /** An application and where it stands: issued (with its permit), or waiting at a position (1 = next). */
    public record Standing(Application application, String status, Integer position, Permit permit) {
    }

    private final PermitStore store;
    private final Lots lots;
    private final ParkingAccess access;
    private final Register register;
    private final ParkingCharges charges;
    private final PermitEvents events;
    private final Clock clock;

    Permits(PermitStore store, Lots lots, ParkingAccess access, Register register, ParkingCharges charges, PermitEvents events, Clock clock) {
        this.store = store;
        this.lots = lots;
        this.access = access;
        this.register = register;
        this.charges = charges;
        this.events = events;
        this.clock = clock;
    }

    /** A car of the household (车辆登记): priced as a resident's car, its unpaid stays fall on the household. */
    @Transactional
    public String registerVehicle(Viewer viewer, UUID communityId, UUID unitId, String plateText) {
        UnitCopy unit = access.householdOrStaff(viewer, communityId, unitId);
        Plate plate = plate(plateText);
        if (!store.registerVehicle(communityId, plate.text(), unit.id())) {
            throw ProblemException.conflict(plate.display() + " is registered to another household of this community: "
                    + "that household (or the operator's staff) removes it first when the car changed hands");
        }
        return plate.text();
    }

    /** The car is no longer the household's (sold, or it was registered by mistake); its permit, if any, stays until it ends. */
    @Transactional
    public void unregisterVehicle(Viewer viewer, UUID communityId, UUID unitId, String plateText) {
        UnitCopy unit = access.householdOrStaff(viewer, communityId, unitId);
        Plate plate = plate(plateText);
        if (!store.unregisterVehicle(communityId, plate.text(), unit.id())) {
            throw ProblemException.notFound("Vehicle", plate.text());
        }
    }

    public List<String> vehicles(Viewer viewer, UUID communityId, UUID unitId) {
        return store.platesOf(access.householdOrStaff(viewer, communityId, unitId).id());
    }

    @Transactional
    public Standing apply(Viewer viewer, UUID communityId, UUID lotId, UUID unitId, String plateText, int months) {
        UnitCopy unit = access.householdOrStaff(viewer, communityId, unitId);
        Lot lot = lots.lot(communityId, lotId);
        Plate plate = plate(plateText);
        if (months < 1 || months > 12) {
            throw new ParkingRuleViolation(null, "months", "1 to 12 months");
        }
        if (!store.householdOf(communityId, plate.text()).map(unit.id()::equals).orElse(false)) {
            throw new ParkingRuleViolation("K2", "plate", plate.display() + " is not a registered car of " + unit.reference()
                    + ": register it to the household first");
        }
        store.lockLot(lot.id());
        LocalDate today = today(communityId);
        if (store.latestFor(lot.id(), plate.text()).map(p -> p.on(today, lot.permitGraceDays()) != Permit.Standing.EXPIRED).orElse(false)) {
            throw ProblemException.conflict(plate.display() + " holds a permit in this lot: renew it instead");
        }
        Application application = new Application(Ids.newId(), unit.id(), plate.text(), isOwnerApplying(viewer, unit),
                months, clock.instant());
        if (!store.insertApplication(lot.id(), application, viewer.subject())) {
            throw ProblemException.conflict(plate.display() + " is already waiting for a permit in this lot");
        }
        allocate(lot);
        return standing(lot, application.id());
    }

    /**
     * Owner or not is the register's word: the applying household owns its unit when the applicant
     * is its owner of record, or staff apply for a unit with no resident but its owners (no tenant recorded).
     */
    private static boolean isOwnerApplying(Viewer viewer, UnitCopy unit) {
        return unit.ownedBy(viewer.subject()) || unit.residentUserIds().isEmpty() || unit.residentUserIds().stream().allMatch(unit::ownedBy);
    }

    public Standing standing(Viewer viewer, UUID communityId, UUID lotId, UUID applicationId) {
        access.readable(viewer, communityId);
        Lot lot = lots.lot(communityId, lotId);
        Application application = store.application(lot.id(), applicationId).orElseThrow(() -> ProblemException.notFound("Application", applicationId));
        access.householdOrStaff(viewer, communityId, application.unitId());
        return standing(lot, applicationId);
    }

    /** The waiting list in order (owners first): the operator's staff see all of it. */
    public List<Standing> waitingList(Viewer viewer, UUID communityId, UUID lotId) {
        access.staffOf(viewer, communityId);
        Lot lot = lots.lot(communityId, lotId);
        List<Application> waiting = store.waiting(lot.id());
        return OwnersFirst.allocate(waiting.size(), waiting).stream()
                .map(a -> new Standing(a, "WAITING", OwnersFirst.position(a, waiting), null)).toList();
    }

    @Transactional
    public void withdraw(Viewer viewer, UUID communityId, UUID lotId, UUID applicationId) {
        Lot lot = lots.lot(communityId, lotId);
        Application application = store.application(lot.id(), applicationId).orElseThrow(() -> ProblemException.notFound("Application", applicationId));
        access.householdOrStaff(viewer, communityId, application.unitId());
        store.withdrawn(applicationId);
    }

    /** Another {@code months} on a permit, charged to the household; continues from its end when renewed before or in its grace. */
    @Transactional
    public Permit renew(Viewer viewer, UUID communityId, UUID lotId, UUID permitId, int months) {
        Lot lot = lots.lot(communityId, lotId);
        store.lockLot(lot.id()); // renewals of one permit at once: each extends what the one before it left, each charges once
        Permit permit = store.permit(lot.id(), permitId).orElseThrow(() -> ProblemException.notFound("Permit", permitId));
        UnitCopy unit = access.householdOrStaff(viewer, communityId, permit.unitId());
        if (months < 1 || months > 12) {
            throw new ParkingRuleViolation(null, "months", "1 to 12 months");
        }
        LocalDate today = today(communityId);
        if (permit.on(today, lot.permitGraceDays()) == Permit.Standing.EXPIRED) {
            throw new ParkingRuleViolation("K2", "permitId", "the permit lapsed past its grace and its place went to the waiting list: apply again");
        }
        LocalDate[] period = Permit.renewal(permit.validTo(), today, months, lot.permitGraceDays());
        store.extend(permit.id(), period[1]);
        Permit renewed = new Permit(permit.id(), permit.lotId(), permit.unitId(), permit.plate(), permit.validFrom(), period[1], false);
        UUID charge = charge(lot, unit, renewed, period[0], period[1], months);
        events.issued(communityId, renewed, true, lot.permitMonthlyFen() * months, charge);
        return renewed;
    }

    public List<Permit> permits(Viewer viewer, UUID communityId, UUID lotId) {
        access.staffOf(viewer, communityId);
        return store.permits(lots.lot(communityId, lotId).id());
    }

    /** Free places go to the waiting list, owners first (K2); run after every application and by the daily job for lapsed permits. */
    @Transactional
    public int allocate(Lot lot) {
        store.lockLot(lot.id());
        LocalDate today = today(lot.communityId());
        int free = lot.permitQuota() - store.holdingPlaces(lot.id(), today, lot.permitGraceDays());
        List<Application> chosen = OwnersFirst.allocate(free, store.waiting(lot.id()));
        CommunityCopy community = register.community(lot.communityId()).orElseThrow();
        for (Application a : chosen) {
            Permit permit = new Permit(Ids.newId(), lot.id(), a.unitId(), a.plate(), today, today.plusMonths(a.months()).minusDays(1), false);
            store.insertPermit(permit, community.id(), clock.instant());
            store.issued(a.id(), permit.id());
            UnitCopy unit = register.unit(community.id(), a.unitId()).orElseThrow();
            UUID charge = charge(lot, unit, permit, permit.validFrom(), permit.validTo(), a.months());
            events.issued(community.id(), permit, false, lot.permitMonthlyFen() * a.months(), charge);
        }
        return chosen.size();
    }

    private UUID charge(Lot lot, UnitCopy unit, Permit permit, LocalDate from, LocalDate to, int months) {
        long amount = lot.permitMonthlyFen() * months;
        if (amount == 0) {
            return null;
        }
        UUID id = Ids.newId();
        charges.raise(new ParkingCharges.NewCharge(id, lot.communityId(), lot.id(), ParkingCharges.Source.PERMIT, permit.id(), "unit",
                unit.reference(), unit.id(), unit.ownerName(), lot.permitSpaceKind().revenueClass(), amount, from, to, from,
                "月卡 " + new Plate(permit.plate()).display() + " " + lot.name() + " " + from + "至" + to), clock.instant());
        return id;
    }

    private Standing standing(Lot lot, UUID applicationId) {
        Application application = store.application(lot.id(), applicationId).orElseThrow();
        List<Application> waiting = store.waiting(lot.id());
        if (waiting.stream().anyMatch(a -> a.id().equals(applicationId))) {
            return new Standing(application, "WAITING", OwnersFirst.position(application, waiting), null);
        }
        return store.latestFor(lot.id(), application.plate()).map(p -> new Standing(application, "ISSUED", null, p))
                .orElse(new Standing(application, "WITHDRAWN", null, null));
    }

    private LocalDate today(UUID communityId) {
        return LocalDate.now(clock.withZone(register.community(communityId).orElseThrow().zone()));
    }

    private static Plate plate(String text) {
        return Plate.read(text).orElseThrow(() -> new ParkingRuleViolation("K5", "plate",
                "not a plate: a province character, a letter, then 5 characters (6 on a green new-energy plate), e.g. 京A12345 or 京AD12345"));
    }
}
