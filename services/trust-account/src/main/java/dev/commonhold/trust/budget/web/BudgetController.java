package dev.commonhold.trust.budget.web;

import dev.commonhold.platform.security.Viewer;
import dev.commonhold.trust.budget.app.Budgets;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/** A year's budget, against what the journal shows spent: drafted by the operator, adopted by the owners' vote. */
@RestController
@RequestMapping("/api/trust/communities/{communityId}/budgets/{year}")
class BudgetController {

    /** @param lines fen per expense account (5101 … 5199) */
    record Draft(@NotNull UUID resolutionId, @NotEmpty Map<String, Long> lines) {
    }

    private final Budgets budgets;

    BudgetController(Budgets budgets) {
        this.budgets = budgets;
    }

    @PutMapping
    Budgets.View draft(Viewer viewer, @PathVariable UUID communityId, @PathVariable int year, @Valid @RequestBody Draft d) {
        return budgets.draft(viewer, communityId, year, d.resolutionId(), d.lines());
    }

    @GetMapping
    Budgets.View view(Viewer viewer, @PathVariable UUID communityId, @PathVariable int year) {
        return budgets.view(viewer, communityId, year);
    }
}
