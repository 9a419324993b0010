package dev.commonhold.community.registry.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.community.registry.app.OwnerRegistration;
import dev.commonhold.community.registry.app.RegistryQueries;
import dev.commonhold.community.registry.domain.Owner;
import dev.commonhold.community.registry.domain.Resident;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.paging.Cursors;
import dev.commonhold.platform.web.paging.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

/** Owners and residents (personal data: operator and committee only), and each user's own household. */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Owners and residents")
@RequestMapping("/api/community/communities/{communityId}")
class OwnerController {

    record RegisterOwner(@NotBlank String kind, @NotBlank @Size(max = 100) String name, String phone, @Size(max = 64) String externalRef,
                         @Size(max = 64) String userId) {
    }

    record LinkAccount(@NotBlank @Size(max = 64) String userId) {
    }

    record MoveOut(@NotNull LocalDate movedOut) {
    }

    record RegisterResident(@NotNull UUID unitId, @NotBlank @Size(max = 100) String name, @NotBlank String relation, String phone,
                            @Size(max = 64) String userId, LocalDate movedIn) {
    }

    private final OwnerRegistration registration;
    private final RegistryQueries queries;

    OwnerController(OwnerRegistration registration, RegistryQueries queries) {
        this.registration = registration;
        this.queries = queries;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Audited(kind = AuditKind.BINDING_CHANGE, action = "community.owner.register")
    @PostMapping("/owners")
    ResponseEntity<Responses.OwnerResponse> registerOwner(Viewer viewer, @PathVariable UUID communityId, @Valid @RequestBody RegisterOwner request) {
        Owner owner = registration.registerOwner(viewer, communityId, new OwnerRegistration.NewOwner(request.kind(), request.name(),
                request.phone(), request.externalRef(), request.userId()));
        return ResponseEntity.created(URI.create("/api/community/communities/%s/owners/%s".formatted(communityId, owner.id())))
                .body(Responses.owner(owner));
    }

    @Audited(kind = AuditKind.PERSONAL_DATA_READ, action = "community.owners.read")
    @GetMapping("/owners")
    Page<Responses.OwnerResponse> listOwners(Viewer viewer, @PathVariable UUID communityId, @RequestParam(required = false) String cursor,
                                         @RequestParam(required = false) Integer limit) {
        boolean inFull = queries.phonesInFull(viewer, communityId);
        return Cursors.byId(cursor, limit, (after, n) -> queries.owners(viewer, communityId, after, n).stream().map(o -> Responses.owner(o, inFull))
                .toList(), Responses.OwnerResponse::id);
    }

    /** Links an owner to their login (the Keycloak user id), so they can see their household and vote. */
    @Audited(kind = AuditKind.ROLE_CHANGE, action = "community.owner-account.link")
    @PutMapping("/owners/{ownerId}/account")
    Responses.OwnerResponse linkOwnerAccount(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID ownerId,
                                        @Valid @RequestBody LinkAccount request) {
        return Responses.owner(registration.linkAccount(viewer, communityId, ownerId, request.userId()));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Audited(kind = AuditKind.BINDING_CHANGE, action = "community.resident.register")
    @PostMapping("/residents")
    ResponseEntity<Responses.ResidentResponse> registerResident(Viewer viewer, @PathVariable UUID communityId,
                                                                @Valid @RequestBody RegisterResident request) {
        Resident resident = registration.registerResident(viewer, communityId, new OwnerRegistration.NewResident(request.unitId(),
                request.name(), request.relation(), request.phone(), request.userId(), request.movedIn()));
        return ResponseEntity.created(URI.create("/api/community/communities/%s/residents/%s".formatted(communityId, resident.id())))
                .body(Responses.resident(resident));
    }

    /** A resident moved out (a tenancy ended): their login is unbound from the unit. The operator, or the unit's owner of record. */
    @Audited(kind = AuditKind.BINDING_CHANGE, action = "community.resident.move-out")
    @PostMapping("/residents/{residentId}/move-out")
    Responses.ResidentResponse moveOut(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID residentId,
                                       @Valid @RequestBody MoveOut request) {
        return Responses.resident(registration.moveOut(viewer, communityId, residentId, request.movedOut()));
    }

    @Audited(kind = AuditKind.PERSONAL_DATA_READ, action = "community.residents.read")
    @GetMapping("/residents")
    Page<Responses.ResidentResponse> listResidents(Viewer viewer, @PathVariable UUID communityId, @RequestParam(required = false) String cursor,
                                               @RequestParam(required = false) Integer limit) {
        boolean inFull = queries.phonesInFull(viewer, communityId);
        return Cursors.byId(cursor, limit, (after, n) -> queries.residents(viewer, communityId, after, n).stream()
                .map(r -> Responses.resident(r, inFull)).toList(), Responses.ResidentResponse::id);
    }

    /** The caller's own units: those they own and those they live in. */
    @GetMapping("/households/mine")
    Responses.HouseholdResponse getMyHousehold(Viewer viewer, @PathVariable UUID communityId) {
        return Responses.household(queries.household(viewer, communityId));
    }
}
