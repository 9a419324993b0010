package dev.commonhold.community.membership.app;

import dev.commonhold.community.membership.domain.BindingEvent;
import dev.commonhold.community.registry.app.LoginChanges;
import dev.commonhold.community.registry.app.Units;
import dev.commonhold.community.registry.domain.Resident;
import dev.commonhold.community.registry.domain.Unit;
import dev.commonhold.platform.ids.Ids;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps, in the binding log, the bindings the register's own acts make and end — the operator
 * linking an owner or entering a resident, a sale, a move out — in the same transaction. A sale
 * also withdraws the unit's unused owner code: it was meant for the seller.
 */
@Component
class BindingHistory {

    private final BindingLog log;
    private final Units units;
    private final Invitations invitations;
    private final Clock clock;

    BindingHistory(BindingLog log, Units units, Invitations invitations, Clock clock) {
        this.log = log;
        this.units = units;
        this.invitations = invitations;
        this.clock = clock;
    }

    @EventListener
    void on(LoginChanges.OwnerLinked linked) {
        Instant now = clock.instant();
        List<BindingEvent> events = new ArrayList<>();
        for (Unit unit : units.ofOwners(List.of(linked.ownerId()))) {
            if (linked.previousUserId() != null) {
                events.add(event(unit, linked.previousUserId(), BindingEvent.Action.UNBOUND, Resident.Relation.OWNER, BindingEvent.Via.OPERATOR,
                        linked.ownerId(), linked.by(), now));
            }
            events.add(event(unit, linked.userId(), BindingEvent.Action.BOUND, Resident.Relation.OWNER, BindingEvent.Via.OPERATOR,
                    linked.ownerId(), linked.by(), now));
        }
        log.append(events);
    }

    @EventListener
    void on(LoginChanges.ResidentAdded added) {
        Resident r = added.resident();
        log.append(List.of(new BindingEvent(Ids.newId(), r.communityId(), r.unitId(), r.userId(), BindingEvent.Action.BOUND, r.relation(),
                BindingEvent.Via.OPERATOR, r.id(), added.by(), clock.instant())));
    }

    @EventListener
    void on(LoginChanges.ResidentMovedOut left) {
        Resident r = left.resident();
        log.append(List.of(new BindingEvent(Ids.newId(), r.communityId(), r.unitId(), r.userId(), BindingEvent.Action.UNBOUND, r.relation(),
                BindingEvent.Via.MOVE_OUT, r.id(), left.by(), clock.instant())));
    }

    @EventListener
    void on(LoginChanges.UnitSold sold) {
        Instant now = clock.instant();
        invitations.revokeActiveOwnerCodes(sold.unit().id(), now, sold.by());
        List<BindingEvent> unbound = new ArrayList<>();
        if (sold.seller().userId() != null) {
            unbound.add(event(sold.unit(), sold.seller().userId(), BindingEvent.Action.UNBOUND, Resident.Relation.OWNER,
                    BindingEvent.Via.TRANSFER, sold.buyer().id(), sold.by(), now));
        }
        sold.movedOut().stream().filter(r -> r.userId() != null && !r.userId().equals(sold.seller().userId()))
                .forEach(r -> unbound.add(event(sold.unit(), r.userId(), BindingEvent.Action.UNBOUND, r.relation(), BindingEvent.Via.TRANSFER,
                        r.id(), sold.by(), now)));
        log.append(unbound);
        if (sold.buyer().userId() != null) {
            log.append(List.of(event(sold.unit(), sold.buyer().userId(), BindingEvent.Action.BOUND, Resident.Relation.OWNER,
                    BindingEvent.Via.TRANSFER, sold.buyer().id(), sold.by(), now)));
        }
    }

    private static BindingEvent event(Unit unit, String userId, BindingEvent.Action action, Resident.Relation relation, BindingEvent.Via via,
                                      java.util.UUID reference, String by, Instant at) {
        return new BindingEvent(Ids.newId(), unit.communityId(), unit.id(), userId, action, relation, via, reference, by, at);
    }
}
