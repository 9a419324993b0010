package dev.commonhold.fund.interest.web;

import dev.commonhold.fund.interest.app.Allocations;
import dev.commonhold.fund.interest.app.RegionAllocations;
import dev.commonhold.fund.interest.app.RegionInterestAllocation;
import dev.commonhold.fund.interest.domain.InterestPeriod;
import dev.commonhold.platform.security.Viewer;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

/**
 * Interest of a city's or district's fund account over every sub-account of its communities (F2):
 * the platform administrator asks for the fund centre; regulators whose jurisdiction covers the
 * region read it.
 */
@RestController
@Tag(name = "Interest")
@RequestMapping("/api/fund/regions/{divisionPrefix}/interest")
class RegionInterestController {

    /**
     * {@code phase} and {@code communitiesInProgress} while it runs; {@code allocatedFen} (fen), {@code communities}
     * and {@code subAccounts} credited once done.
     */
    record RegionAllocationView(UUID id, String divisionPrefix, LocalDate from, LocalDate to, Long amountFen, Integer rateBasisPoints,
                                String bankReference, String status, String phase, Integer communitiesInProgress, Long allocatedFen,
                                Integer communities, Integer subAccounts, String detail, Instant requestedAt, Instant finishedAt) {
    }

    private final RegionInterestAllocation interest;

    RegionInterestController(RegionInterestAllocation interest) {
        this.interest = interest;
    }

    /** 202 while it runs (poll the Location); the same region and period asked again answers the first allocation. */
    @PostMapping
    ResponseEntity<RegionAllocationView> allocateForRegion(Viewer viewer, @PathVariable String divisionPrefix,
                                                           @Valid @RequestBody InterestController.Allocate r) {
        RegionAllocations.RegionAllocation a = interest.request(viewer, divisionPrefix,
                new InterestPeriod(r.from(), r.to(), r.amountFen(), r.rateBasisPoints()), r.bankReference());
        return ResponseEntity.status(a.status() == Allocations.Status.RUNNING ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/fund/regions/%s/interest/%s".formatted(a.divisionPrefix(), a.id()))).body(view(a));
    }

    @GetMapping("/{allocationId}")
    RegionAllocationView getRegionAllocation(Viewer viewer, @PathVariable String divisionPrefix, @PathVariable UUID allocationId) {
        return view(interest.find(viewer, divisionPrefix, allocationId));
    }

    @GetMapping
    List<RegionAllocationView> listRegionAllocations(Viewer viewer, @PathVariable String divisionPrefix) {
        return interest.list(viewer, divisionPrefix).stream().map(this::view).toList();
    }

    private RegionAllocationView view(RegionAllocations.RegionAllocation a) {
        RegionInterestAllocation.Progress p = a.status() == Allocations.Status.RUNNING ? interest.progress(a.id()) : null;
        return new RegionAllocationView(a.id(), a.divisionPrefix(), a.period().from(), a.period().to(), a.period().amountFen(),
                a.period().rateBasisPoints(), a.bankReference(), a.status().name(), p == null ? null : p.phase(), p == null ? null : p.communities(),
                a.allocatedFen(), a.communities(), a.subAccounts(), a.detail(), a.requestedAt(), a.finishedAt());
    }
}
