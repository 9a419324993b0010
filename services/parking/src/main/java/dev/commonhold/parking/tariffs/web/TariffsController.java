package dev.commonhold.parking.tariffs.web;

import dev.commonhold.parking.tariffs.app.Tariffs;
import dev.commonhold.parking.tariffs.domain.Audience;
import dev.commonhold.parking.tariffs.domain.Pricing;
import dev.commonhold.parking.tariffs.domain.TariffPlan;
import dev.commonhold.platform.security.Viewer;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A lot's tariff plans (收费标准, rule K3) and what a stay costs under them. */
@RestController
@Tag(name = "Tariffs")
@RequestMapping("/api/parking/communities/{communityId}/lots/{lotId}/tariffs")
class TariffsController {

    /**
     * Rates in fen per hour; a 15-minute plan charges a quarter of them per started quarter hour.
     *
     * @param effectiveFrom absent: now
     */
    record NewPlan(@NotNull Audience audience, Instant effectiveFrom, @NotNull @Min(0) @Max(1440) Integer freeMinutes,
                   @NotNull Integer unitMinutes, @NotNull @PositiveOrZero Long firstHourFen, @NotNull @PositiveOrZero Long nextHourFen,
                   LocalTime nightStart, LocalTime nightEnd, @PositiveOrZero Long nightHourFen, @PositiveOrZero Long dailyCapFen) {
    }

    record PlanView(UUID id, Audience audience, Instant effectiveFrom, int freeMinutes, int unitMinutes, long firstHourFen, long nextHourFen,
                    LocalTime nightStart, LocalTime nightEnd, Long nightHourFen, Long dailyCapFen) {
        static PlanView of(TariffPlan p) {
            return new PlanView(p.id(), p.audience(), p.effectiveFrom(), p.freeMinutes(), p.unitMinutes(), p.firstHourFen(), p.nextHourFen(),
                    p.nightStart(), p.nightEnd(), p.nightHourFen(), p.dailyCapFen());
        }
    }

    /** @param totalFen fen; {@code windows}: each 24 h from entry, its units, their sum and what was charged after the daily cap */
    record QuoteView(long totalFen, boolean free, List<Pricing.Window> windows) {
    }

    private final Tariffs tariffs;

    TariffsController(Tariffs tariffs) {
        this.tariffs = tariffs;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PlanView add(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID lotId, @Valid @RequestBody NewPlan b) {
        return PlanView.of(tariffs.add(viewer, communityId, lotId, new TariffPlan(null, lotId, b.audience(), b.effectiveFrom(), b.freeMinutes(),
                b.unitMinutes(), b.firstHourFen(), b.nextHourFen(), b.nightStart(), b.nightEnd(), b.nightHourFen(), b.dailyCapFen())));
    }

    @GetMapping
    List<PlanView> list(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID lotId) {
        return tariffs.list(viewer, communityId, lotId).stream().map(PlanView::of).toList();
    }

    /** The price of a stay from {@code entry} to {@code exit} (ISO instants) for the audience. */
    @GetMapping("/quote")
    QuoteView quote(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID lotId, @RequestParam Audience audience,
                    @RequestParam Instant entry, @RequestParam Instant exit) {
        Pricing.Price price = tariffs.quote(viewer, communityId, lotId, audience, entry, exit);
        return new QuoteView(price.totalFen(), price.free(), price.windows());
    }
}
