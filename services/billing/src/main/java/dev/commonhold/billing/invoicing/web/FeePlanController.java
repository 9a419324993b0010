package dev.commonhold.billing.invoicing.web;

import dev.commonhold.billing.invoicing.app.FeePlanSetting;
import dev.commonhold.billing.invoicing.domain.BillingCycle;
import dev.commonhold.billing.invoicing.domain.FeePlan;
import dev.commonhold.billing.invoicing.domain.LateFee;
import dev.commonhold.billing.invoicing.domain.UnitPrice;
import dev.commonhold.platform.security.Viewer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A community's property-fee plan (rule P1): prices per unit use in fen per m² per month, with effective dates. */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Fee plans")
@RequestMapping("/api/billing/communities/{communityId}/fee-plan")
class FeePlanController {

    record Price(@NotBlank @Pattern(regexp = "RESIDENTIAL|COMMERCIAL|OFFICE|STORAGE|PARKING|OTHER") String use,
                 @NotNull LocalDate effectiveFrom, @NotNull @Min(0) @Max(UnitPrice.MAX_FEN_PER_M2_MONTH) Long fenPerSquareMetreMonth) {
    }

    record LateFeeRule(@NotNull @Min(0) @Max(100) Integer basisPointsPerDay, @NotNull @Min(0) Integer capBasisPoints) {
    }

    record PlanBody(@NotBlank @Size(max = 100) String name, @NotBlank String cycle, @NotNull @Min(0) @Max(90) Integer dueDays,
                    @Valid LateFeeRule lateFee, @NotEmpty @Size(max = 100) List<@Valid @NotNull Price> prices) {
    }

    private final FeePlanSetting plans;

    FeePlanController(FeePlanSetting plans) {
        this.plans = plans;
    }

    @PutMapping
    PlanBody put(Viewer viewer, @PathVariable UUID communityId, @Valid @RequestBody PlanBody body) {
        LateFee lateFee = body.lateFee() == null ? LateFee.none() : new LateFee(body.lateFee().basisPointsPerDay(), body.lateFee().capBasisPoints());
        FeePlan plan = new FeePlan(body.name(), BillingCycle.parse(body.cycle()), body.dueDays(), lateFee,
                body.prices().stream().map(p -> new UnitPrice(p.use(), p.effectiveFrom(), p.fenPerSquareMetreMonth())).toList());
        return view(plans.put(viewer, communityId, plan));
    }

    @GetMapping
    PlanBody get(Viewer viewer, @PathVariable UUID communityId) {
        return view(plans.get(viewer, communityId));
    }

    private static PlanBody view(FeePlan plan) {
        return new PlanBody(plan.name(), plan.cycle().name(), plan.dueDays(),
                new LateFeeRule(plan.lateFee().basisPointsPerDay(), plan.lateFee().capBasisPoints()),
                plan.prices().stream().map(p -> new Price(p.use(), p.effectiveFrom(), p.fenPerSquareMetreMonth())).toList());
    }
}
