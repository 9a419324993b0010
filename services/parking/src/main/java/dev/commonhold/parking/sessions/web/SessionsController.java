package dev.commonhold.parking.sessions.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.parking.gate.app.GateAnswer;
import dev.commonhold.parking.gate.app.GateEventStore;
import dev.commonhold.parking.sessions.app.SessionStore;
import dev.commonhold.parking.sessions.app.Sessions;
import dev.commonhold.parking.sessions.domain.Session;
import dev.commonhold.platform.security.Viewer;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Stays in a lot for the gate staff, exits waiting for a person (K4), occupancy and revenue for everyone of the community. */
@RestController
@Validated
@Tag(name = "Sessions")
@RequestMapping("/api/parking/communities/{communityId}")
class SessionsController {

    /** @param priceFen fen; {@code matchedBy} how the exit found its entry (K4); {@code exitPlateRead} when the exit camera read it differently */
    record SessionView(UUID id, UUID lotId, String plate, UUID unitId, String audience, Instant enteredAt, Instant exitedAt, Session.Status status,
                       Long priceFen, String revenueClass, UUID chargeId, String matchedBy, String exitPlateRead, String note) {
        static SessionView of(Session s) {
            return new SessionView(s.id(), s.lotId(), s.plate(), s.unitId(), s.audience(), s.enteredAt(), s.exitedAt(), s.status(), s.priceFen(),
                    s.revenueClass(), s.chargeId(), s.matchedBy(), s.exitPlateRead(), s.note());
        }
    }

    record Release(@NotBlank @Size(max = 200) String reason) {
    }

    record Resolution(@NotNull UUID sessionId) {
    }

    record ResolutionView(boolean open, String display, Long feeFen, UUID sessionId, String payUrl) {
        static ResolutionView of(GateAnswer a) {
            return new ResolutionView(a.open(), a.display(), a.feeFen(), a.sessionId(), a.payUrl());
        }
    }

    /** @param capacity the lot's; {@code inside} cars now, by audience (VISITOR, RESIDENT_EXTRA_CAR, PERMIT) */
    record OccupancyView(UUID lotId, String lot, int capacity, int inside, int free, Map<String, Integer> byAudience) {
    }

    /**
     * @param chargedFen fen charged at exits that day; {@code settledFen} fen billing settled that day (stays and
     *                   permits), less what billing reversed that day;
     *                   {@code ownersSettledFen} the part that is owners' common income (parking_common, K1)
     */
    record RevenueView(UUID lotId, String lot, LocalDate day, List<SessionStore.DayRevenue> byRevenueClass, long chargedFen, long settledFen,
                       long ownersSettledFen) {
    }

    private final Sessions sessions;

    SessionsController(Sessions sessions) {
        this.sessions = sessions;
    }

    @Audited(kind = AuditKind.PERSONAL_DATA_READ, action = "parking.sessions.read")
    @GetMapping("/lots/{lotId}/sessions")
    List<SessionView> list(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID lotId, @RequestParam(required = false) Session.Status status,
                           @RequestParam(required = false) String plate, @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return sessions.list(viewer, communityId, lotId, status, plate, limit).stream().map(SessionView::of).toList();
    }

    @GetMapping("/sessions/{sessionId}")
    SessionView get(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID sessionId) {
        return SessionView.of(sessions.get(viewer, communityId, sessionId));
    }

    @Audited(kind = AuditKind.MONEY_CORRECTION, action = "parking.session.release")
    @PostMapping("/sessions/{sessionId}/release")
    SessionView release(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID sessionId, @Valid @RequestBody Release body) {
        return SessionView.of(sessions.releaseUnpaid(viewer, communityId, sessionId, body.reason()));
    }

    @GetMapping("/lots/{lotId}/pending-exits")
    List<GateEventStore.PendingExit> pendingExits(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID lotId) {
        return sessions.pendingExits(viewer, communityId, lotId);
    }

    @Audited(kind = AuditKind.MONEY_CORRECTION, action = "parking.pending-exit.resolve")
    @PostMapping("/lots/{lotId}/pending-exits/{eventId}/resolution")
    ResolutionView resolve(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID lotId, @PathVariable UUID eventId,
                       @Valid @RequestBody Resolution body) {
        return ResolutionView.of(sessions.resolveExit(viewer, communityId, lotId, eventId, body.sessionId()));
    }

    @GetMapping("/lots/{lotId}/occupancy")
    OccupancyView occupancy(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID lotId) {
        Sessions.Occupancy o = sessions.occupancy(viewer, communityId, lotId);
        return new OccupancyView(o.lot().id(), o.lot().name(), o.lot().capacity(), o.inside(), Math.max(0, o.lot().capacity() - o.inside()),
                o.byAudience());
    }

    /** One day of a lot's revenue (the community's local day). */
    @GetMapping("/lots/{lotId}/revenue")
    RevenueView revenue(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID lotId,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        Sessions.Revenue r = sessions.revenue(viewer, communityId, lotId, day);
        return new RevenueView(r.lot().id(), r.lot().name(), r.day(), r.classes(), r.chargedFen(), r.settledFen(), r.ownersSettledFen());
    }
}
