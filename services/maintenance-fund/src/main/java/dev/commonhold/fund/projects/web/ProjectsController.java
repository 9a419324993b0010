package dev.commonhold.fund.projects.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.fund.projects.app.ProjectQueries;
import dev.commonhold.fund.projects.app.ProjectWork;
import dev.commonhold.fund.projects.app.Projects;
import dev.commonhold.fund.projects.domain.Apportionment;
import dev.commonhold.fund.projects.domain.UseProject;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.idempotency.RequiresIdempotencyKey;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Use projects (F4–F7): proposals with each unit's share shown before the vote, the vote or emergency, payments to the contractor. */
@RestController
@Tag(name = "Use projects")
@RequestMapping("/api/fund/communities/{communityId}/projects")
class ProjectsController {

    /** @param estimateFen fen; name the affected units by {@code unitIds} or whole buildings by {@code buildingIds} */
    /**
     * For a lift retrofit (category lift_retrofit, F10/V9): {@code estimateFen} is the whole cost, {@code subsidyFen} what the
     * government pays directly, {@code fundFen} what the sub-accounts pay; the owners contribute the rest, split with the fund's
     * part by {@code floorCoefficients} (hundredths per floor, {"1":0,"2":40,…}; the city's usual table when absent) × area.
     */
    record Propose(@NotBlank @Size(max = 200) String title, @NotBlank String category, String path, @Positive @Max(MAX_FEN) long estimateFen,
                   @NotBlank @Size(max = 200) String contractor, @NotBlank String contractorAccount, @Size(max = 5000) List<UUID> unitIds,
                   @Size(max = 100) List<UUID> buildingIds, @PositiveOrZero @Max(MAX_FEN) Long subsidyFen, @PositiveOrZero @Max(MAX_FEN) Long fundFen,
                   @Size(max = 60) Map<Integer, Integer> floorCoefficients) {
    }

    /** 1,000,000,000 yuan: more is a typing error, and every sum of such amounts still fits. */
    static final long MAX_FEN = UseProject.MAX_FEN;

    record AwaitVote(@NotNull UUID resolutionId) {
    }

    /** @param finalCostFen with the completion only: the accepted final cost, re-apportioned by area */
    record Pay(@NotBlank String stage, @Positive @Max(MAX_FEN) long amountFen, @Positive @Max(MAX_FEN) Long finalCostFen,
               @NotBlank @Size(max = 64) String bankReference) {
    }

    /** fen; {@code fromFundFen} what the unit's sub-account holds towards its share now, {@code shortfallFen} the owner's to pay */
    /** {@code differenceFen}: the share now less the share of the estimate (a final cost re-apportioned, F6) */
    record ShareView(UUID unitId, String unit, BigDecimal areaM2, long shareFen, long fromFundFen, long shortfallFen, long contributionFen,
                     long paidFen, long estimateShareFen, long differenceFen) {
    }

    record PaymentView(UUID id, String stage, long amountFen, String bankReference, Instant paidAt) {
    }

    /**
     * {@code estimateFen} is what goes through the fund (the sub-accounts' part and the owners' contributions); a retrofit's
     * {@code subsidyFen} is paid by the government besides, and {@code totalCostFen} is the two together.
     */
    record ProjectView(UUID id, String title, String category, String path, String status, String statusNote, long estimateFen, Long subsidyFen,
                       long totalCostFen, Long finalCostFen,
                       long paidFen, String contractor, UUID resolutionId, Instant confirmedAt, LocalDate workStartsBy, List<ShareView> shares,
                       List<PaymentView> payments) {
    }

    private final ProjectWork work;
    private final ProjectQueries queries;

    ProjectsController(ProjectWork work, ProjectQueries queries) {
        this.work = work;
        this.queries = queries;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<ProjectView> propose(Viewer viewer, @PathVariable UUID communityId, @Valid @RequestBody Propose r) {
        UseProject project = work.propose(viewer, communityId, new ProjectWork.Proposal(r.title(), r.category(), r.path(), r.estimateFen(),
                r.contractor(), r.contractorAccount(), r.unitIds(), r.buildingIds(), r.subsidyFen(), r.fundFen(), r.floorCoefficients()));
        return ResponseEntity.created(URI.create("/api/fund/communities/%s/projects/%s".formatted(communityId, project.id())))
                .body(view(queries.view(viewer, communityId, project.id())));
    }

    @GetMapping
    List<ProjectView> listProjects(Viewer viewer, @PathVariable UUID communityId) {
        return queries.list(viewer, communityId).stream().map(ProjectsController::view).toList();
    }

    @GetMapping("/{projectId}")
    ProjectView getProject(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID projectId) {
        return view(queries.view(viewer, communityId, projectId));
    }

    /** The committee names the affected owners' vote (V3 over exactly those owners, V7) that decides it. */
    @PostMapping("/{projectId}/vote")
    ProjectView awaitVote(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID projectId, @Valid @RequestBody AwaitVote r) {
        work.awaitVote(viewer, communityId, projectId, r.resolutionId());
        return view(queries.view(viewer, communityId, projectId));
    }

    /** Rule F7: the committee confirms a listed emergency; work starts within 7 days, no vote. */
    @Audited(kind = AuditKind.APPROVAL, action = "fund.emergency.confirm")
    @PostMapping("/{projectId}/emergency-confirmation")
    ProjectView confirmEmergency(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID projectId) {
        work.confirmEmergency(viewer, communityId, projectId);
        return view(queries.view(viewer, communityId, projectId));
    }

    /** Rule F6: a stage the bank paid to the contractor, taken from the affected sub-accounts by their shares. */
    @ResponseStatus(HttpStatus.CREATED)
    @Audited(kind = AuditKind.APPROVAL, action = "fund.project.pay")
    @PostMapping("/{projectId}/payments")
    @RequiresIdempotencyKey
    ResponseEntity<ProjectView> pay(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID projectId, @Valid @RequestBody Pay r) {
        work.pay(viewer, communityId, projectId, stage(r.stage()), r.amountFen(), r.finalCostFen(), r.bankReference());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(queries.view(viewer, communityId, projectId)));
    }

    private static UseProject.Stage stage(String value) {
        try {
            return UseProject.Stage.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw dev.commonhold.platform.web.problem.ProblemException.invalid("stage", "advance, progress, completion or retention");
        }
    }

    private static ProjectView view(ProjectQueries.View v) {
        UseProject p = v.project();
        return new ProjectView(p.id(), p.title(), p.category().name(), p.path().name(), p.status().name(), p.statusNote(), p.estimateFen(),
                v.subsidyFen(), p.estimateFen() + (v.subsidyFen() == null ? 0 : v.subsidyFen()), p.finalCostFen(), v.payments().stream().mapToLong(Projects.Payment::amountFen).sum(), p.contractor(), p.resolutionId(), p.confirmedAt(),
                p.workStartsBy(), v.shares().stream().map(s -> share(s, v.paidByUnit().getOrDefault(s.unitId(), 0L),
                        v.estimateShares().getOrDefault(s.unitId(), s.shareFen()))).toList(),
                v.payments().stream().map(x -> new PaymentView(x.id(), x.stage().name(), x.amountFen(), x.bankReference(), x.paidAt())).toList());
    }

    private static ShareView share(Apportionment.Share s, long paid, long estimateShare) {
        return new ShareView(s.unitId(), s.unit(), BigDecimal.valueOf(s.areaCentiM2(), 2), s.shareFen(), s.fromFundFen(), s.shortfallFen(),
                s.contributionFen(), paid, estimateShare, s.shareFen() - estimateShare);
    }
}
