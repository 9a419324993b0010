package dev.commonhold.parking.sessions.app;

import dev.commonhold.parking.charges.app.ParkingCharges;
import dev.commonhold.parking.charges.app.SettledCharges;
import dev.commonhold.parking.gate.app.GateEventStore;
import dev.commonhold.parking.sessions.domain.Session;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A session's charge paid in full: it is PAID; a car still waiting at the barrier gets it opened
 * on the camera's next poll (or its next read of the plate), and one let out unpaid is no longer in arrears.
 * A payment reversed makes the fee owed again.
 */
@Component
class SessionPayments implements SettledCharges {

    private final SessionStore sessions;
    private final GateEventStore gates;

    SessionPayments(SessionStore sessions, GateEventStore gates) {
        this.sessions = sessions;
        this.gates = gates;
    }

    @Override
    public void paidInFull(ParkingCharges.Source source, UUID sourceId, Instant at) {
        if (source != ParkingCharges.Source.SESSION) {
            return;
        }
        if (sessions.transition(sourceId, List.of(Session.Status.AWAITING_PAYMENT), Session.Status.PAID, null)) {
            sessions.exitGate(sourceId).ifPresent(serial -> gates.queueOpen(serial, sourceId, at));
        } else {
            sessions.transition(sourceId, List.of(Session.Status.RELEASED_UNPAID), Session.Status.PAID, "paid after being let out");
        }
    }

    /** The car has left: its fee is open again, as if let out unpaid (arrears of its household when known). */
    @Override
    public void reversed(ParkingCharges.Source source, UUID sourceId, String reason) {
        if (source == ParkingCharges.Source.SESSION) {
            sessions.transition(sourceId, List.of(Session.Status.PAID), Session.Status.RELEASED_UNPAID, "payment reversed by billing: " + reason);
        }
    }
}
