package dev.commonhold.community.registry.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.community.registry.app.RegistryQueries;
import dev.commonhold.community.registry.app.UnitRegistration;
import dev.commonhold.community.registry.domain.Building;
import dev.commonhold.community.registry.domain.Unit;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.paging.Cursors;
import dev.commonhold.platform.web.paging.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Buildings and units of one community, and transfers of ownership. */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Buildings and units")
@RequestMapping("/api/community/communities/{communityId}")
class UnitController {

    record RegisterBuilding(@NotBlank @Size(max = 50) String name) {
    }

    record RegisterUnit(@NotNull UUID buildingId, @NotBlank @Size(max = 20) String number, Integer floor,
                        @NotNull @Positive @Digits(integer = 5, fraction = 2) BigDecimal exclusiveAreaM2, @NotBlank String use,
                        @NotNull UUID ownerId) {
    }

    record TransferOwnership(@NotNull UUID toOwnerId, @NotNull LocalDate effectiveOn) {
    }

    private final UnitRegistration registration;
    private final RegistryQueries queries;

    UnitController(UnitRegistration registration, RegistryQueries queries) {
        this.registration = registration;
        this.queries = queries;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/buildings")
    ResponseEntity<Responses.BuildingResponse> registerBuilding(Viewer viewer, @PathVariable UUID communityId,
                                                                @Valid @RequestBody RegisterBuilding request) {
        Building building = registration.registerBuilding(viewer, communityId, request.name());
        return ResponseEntity.created(URI.create("/api/community/communities/%s/buildings/%s".formatted(communityId, building.id())))
                .body(Responses.building(building));
    }

    @GetMapping("/buildings")
    List<Responses.BuildingResponse> listBuildings(Viewer viewer, @PathVariable UUID communityId) {
        return queries.buildings(viewer, communityId).stream().map(Responses::building).toList();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/units")
    ResponseEntity<Responses.UnitResponse> registerUnit(Viewer viewer, @PathVariable UUID communityId, @Valid @RequestBody RegisterUnit request) {
        Unit unit = registration.registerUnit(viewer, communityId, new UnitRegistration.NewUnit(request.buildingId(), request.number(),
                request.floor(), request.exclusiveAreaM2(), request.use(), request.ownerId()));
        return ResponseEntity.created(URI.create("/api/community/communities/%s/units/%s".formatted(communityId, unit.id())))
                .body(Responses.unit(queries.unit(viewer, communityId, unit.id())));
    }

    @GetMapping("/units")
    Page<Responses.UnitResponse> listUnits(Viewer viewer, @PathVariable UUID communityId, @RequestParam(required = false) UUID buildingId,
                                       @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return Cursors.byId(cursor, limit, (after, n) -> queries.units(viewer, communityId, buildingId, after, n).stream()
                .map(Responses::unit).toList(), Responses.UnitResponse::id);
    }

    @GetMapping("/units/{unitId}")
    Responses.UnitResponse getUnit(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID unitId) {
        return Responses.unit(queries.unit(viewer, communityId, unitId));
    }

    @Audited(kind = AuditKind.BINDING_CHANGE, action = "community.unit.transfer")
    @PostMapping("/units/{unitId}/transfers")
    Responses.UnitResponse transferUnit(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID unitId,
                                    @Valid @RequestBody TransferOwnership request) {
        registration.transfer(viewer, communityId, unitId, new UnitRegistration.Transfer(request.toOwnerId(), request.effectiveOn()));
        return Responses.unit(queries.unit(viewer, communityId, unitId));
    }
}
