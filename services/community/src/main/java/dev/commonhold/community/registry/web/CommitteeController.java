package dev.commonhold.community.registry.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.community.registry.app.CommitteeAppointment;
import dev.commonhold.community.registry.app.RegistryQueries;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
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

/** The owners' committee: public to the community; recorded by the operator's administrator after an election. */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Owners' committee")
@RequestMapping("/api/community/communities/{communityId}/committee")
class CommitteeController {

    record AppointCommittee(@NotBlank String kind, @NotNull LocalDate termStart, @NotNull LocalDate termEnd,
                            @NotEmpty @Size(max = 21) List<@Valid Member> members) {
    }

    record Member(@NotBlank @Size(max = 100) String name, @NotBlank String role, UUID ownerId, @Size(max = 64) String userId) {
    }

    private final CommitteeAppointment appointment;
    private final RegistryQueries queries;

    CommitteeController(CommitteeAppointment appointment, RegistryQueries queries) {
        this.appointment = appointment;
        this.queries = queries;
    }

    @Audited(kind = AuditKind.ROLE_CHANGE, action = "community.committee.appoint")
    @PutMapping
    Responses.CommitteeResponse appointCommittee(Viewer viewer, @PathVariable UUID communityId, @Valid @RequestBody AppointCommittee request) {
        return Responses.committee(appointment.appoint(viewer, communityId, new CommitteeAppointment.Appointment(request.kind(),
                request.termStart(), request.termEnd(), request.members().stream()
                .map(m -> new CommitteeAppointment.Member(m.name(), m.role(), m.ownerId(), m.userId())).toList())));
    }

    @GetMapping
    Responses.CommitteeResponse getCommittee(Viewer viewer, @PathVariable UUID communityId) {
        return queries.committee(viewer, communityId).map(Responses::committee)
                .orElseThrow(() -> ProblemException.notFound("Committee of community", communityId));
    }
}
