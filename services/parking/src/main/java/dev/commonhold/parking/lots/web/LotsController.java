package dev.commonhold.parking.lots.web;

import dev.commonhold.parking.lots.app.Lots;
import dev.commonhold.parking.lots.domain.Gate;
import dev.commonhold.parking.lots.domain.Lot;
import dev.commonhold.parking.lots.domain.SpaceKind;
import dev.commonhold.platform.security.Viewer;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Lots (停车场), their spaces by kind (K1) and their gate cameras. */
@RestController
@Tag(name = "Lots")
@RequestMapping("/api/parking/communities/{communityId}/lots")
class LotsController {

    /**
     * @param minimumFeeFen    fen: what an exit without a found entry pays (K4)
     * @param maxHourFen       fen: the approved cap of any hourly rate (FR2), or absent
     * @param maxDailyFen      fen: the approved cap per 24 h (FR2), or absent
     * @param permitMonthlyFen fen: a month of a permit
     */
    record NewLot(@NotBlank @Size(max = 100) String name, @NotNull @Min(1) @Max(20_000) Integer capacity, @NotNull SpaceKind visitorSpaceKind,
                  @NotNull @PositiveOrZero Long minimumFeeFen, @PositiveOrZero Long maxHourFen, @PositiveOrZero Long maxDailyFen,
                  @NotNull @PositiveOrZero Integer permitQuota, @NotNull @PositiveOrZero Long permitMonthlyFen, @NotNull SpaceKind permitSpaceKind,
                  @NotNull @Min(0) @Max(31) Integer permitGraceDays) {
    }

    record NewSpace(@NotBlank @Size(max = 20) String number, @NotNull SpaceKind kind, UUID unitId) {
    }

    record NewSpaces(@NotEmpty @Size(max = 5_000) List<@Valid @NotNull NewSpace> spaces) {
    }

    record NewGate(@NotBlank @Size(max = 64) String serial, @NotBlank @Size(max = 100) String name, @NotNull Gate.Direction direction) {
    }

    record GateView(String serial, String name, Gate.Direction direction) {
    }

    /** @param spaces how many spaces of each kind; revenue classes: COMMON_LAND earns parking_common (owners'), OPERATOR_OWNED parking_operator */
    record LotView(UUID id, String name, int capacity, SpaceKind visitorSpaceKind, String visitorRevenueClass, long minimumFeeFen, Long maxHourFen,
                   Long maxDailyFen, int permitQuota, long permitMonthlyFen, SpaceKind permitSpaceKind, int permitGraceDays,
                   Map<SpaceKind, Integer> spaces, List<GateView> gates) {
        static LotView of(Lots.LotView v) {
            Lot l = v.lot();
            return new LotView(l.id(), l.name(), l.capacity(), l.visitorSpaceKind(), l.visitorSpaceKind().revenueClass(), l.minimumFeeFen(),
                    l.maxHourFen(), l.maxDailyFen(), l.permitQuota(), l.permitMonthlyFen(), l.permitSpaceKind(), l.permitGraceDays(), v.spaces(),
                    v.gates().stream().map(g -> new GateView(g.serial(), g.name(), g.direction())).toList());
        }
    }

    record Added(int added) {
    }

    private final Lots lots;

    LotsController(Lots lots) {
        this.lots = lots;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    LotView create(Viewer viewer, @PathVariable UUID communityId, @Valid @RequestBody NewLot b) {
        Lot lot = lots.create(viewer, new Lot(null, communityId, b.name(), b.capacity(), b.visitorSpaceKind(), b.minimumFeeFen(), b.maxHourFen(),
                b.maxDailyFen(), b.permitQuota(), b.permitMonthlyFen(), b.permitSpaceKind(), b.permitGraceDays()));
        return LotView.of(lots.view(viewer, communityId, lot.id()));
    }

    @GetMapping
    List<LotView> list(Viewer viewer, @PathVariable UUID communityId) {
        return lots.list(viewer, communityId).stream().map(LotView::of).toList();
    }

    @GetMapping("/{lotId}")
    LotView get(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID lotId) {
        return LotView.of(lots.view(viewer, communityId, lotId));
    }

    /** Adds spaces, all or none. */
    @PostMapping("/{lotId}/spaces")
    @ResponseStatus(HttpStatus.CREATED)
    Added addSpaces(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID lotId, @Valid @RequestBody NewSpaces body) {
        return new Added(lots.addSpaces(viewer, communityId, lotId, body.spaces().stream()
                .map(s -> new Lots.NewSpace(s.number(), s.kind(), s.unitId())).toList()));
    }

    @PostMapping("/{lotId}/gates")
    @ResponseStatus(HttpStatus.CREATED)
    GateView addGate(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID lotId, @Valid @RequestBody NewGate body) {
        Gate gate = lots.addGate(viewer, communityId, lotId, new Gate(body.serial(), lotId, body.name(), body.direction()));
        return new GateView(gate.serial(), gate.name(), gate.direction());
    }
}
