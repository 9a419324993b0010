package dev.commonhold.fund.interest.web;

import dev.commonhold.fund.interest.app.Allocations;
import dev.commonhold.fund.interest.app.InterestAllocation;
import dev.commonhold.fund.interest.domain.InterestPeriod;
import dev.commonhold.platform.security.Viewer;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Interest credited to the sub-accounts by balance-days (F2): a job per period, its progress, its result. */
@RestController
@Tag(name = "Interest")
@RequestMapping("/api/fund/communities/{communityId}/interest")
class InterestController {

    /** Either the amount the bank credited for the period (fen) or an annual rate in basis points (150 = 1.50%). */
    record Allocate(@NotNull LocalDate from, @NotNull LocalDate to, @jakarta.validation.constraints.Positive
                    @jakarta.validation.constraints.Max(100_000_000_000L) Long amountFen, Integer rateBasisPoints,
                    @NotBlank @Size(max = 64) String bankReference) {
    }

    /** {@code phase} and {@code subAccountsInProgress} while it runs; {@code allocatedFen} and {@code subAccounts} credited once done. */
    record AllocationView(UUID id, LocalDate from, LocalDate to, Long amountFen, Integer rateBasisPoints, String bankReference, String status,
                          String phase, Integer subAccountsInProgress, Long allocatedFen, Integer subAccounts, String detail, Instant requestedAt,
                          Instant finishedAt) {
    }

    private final InterestAllocation interest;

    InterestController(InterestAllocation interest) {
        this.interest = interest;
    }

    /** 202 while it runs (poll the Location); the same period asked again answers the first allocation. */
    @PostMapping
    ResponseEntity<AllocationView> allocate(Viewer viewer, @PathVariable UUID communityId, @Valid @RequestBody Allocate r) {
        Allocations.Allocation a = interest.request(viewer, communityId, new InterestPeriod(r.from(), r.to(), r.amountFen(), r.rateBasisPoints()),
                r.bankReference());
        return ResponseEntity.status(a.status() == Allocations.Status.RUNNING ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/fund/communities/%s/interest/%s".formatted(communityId, a.id()))).body(view(a));
    }

    @GetMapping("/{allocationId}")
    AllocationView getAllocation(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID allocationId) {
        return view(interest.find(viewer, communityId, allocationId));
    }

    @GetMapping
    List<AllocationView> listAllocations(Viewer viewer, @PathVariable UUID communityId) {
        return interest.list(viewer, communityId).stream().map(this::view).toList();
    }

    private AllocationView view(Allocations.Allocation a) {
        InterestAllocation.Progress p = a.status() == Allocations.Status.RUNNING ? interest.progress(a.id()) : null;
        return new AllocationView(a.id(), a.period().from(), a.period().to(), a.period().amountFen(), a.period().rateBasisPoints(), a.bankReference(),
                a.status().name(), p == null ? null : p.phase(), p == null ? null : p.subAccounts(), a.allocatedFen(), a.subAccounts(), a.detail(),
                a.requestedAt(), a.finishedAt());
    }
}
