package dev.commonhold.parking.permits.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.parking.permits.app.Permits;
import dev.commonhold.parking.permits.domain.Permit;
import dev.commonhold.platform.security.Viewer;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A household's cars (车辆登记) and monthly permits (月卡, owners first: rule K2). */
@RestController
@Tag(name = "Permits")
@RequestMapping("/api/parking/communities/{communityId}")
class PermitsController {

    record NewVehicle(@NotBlank @Size(max = 32) String plate) {
    }

    record VehicleView(String plate) {
    }

    record NewApplication(@NotNull UUID unitId, @NotBlank @Size(max = 32) String plate, @NotNull @Min(1) @Max(12) Integer months) {
    }

    record Renewal(@NotNull @Min(1) @Max(12) Integer months) {
    }

    record PermitView(UUID id, UUID unitId, String plate, LocalDate validFrom, LocalDate validTo) {
        static PermitView of(Permit p) {
            return p == null ? null : new PermitView(p.id(), p.unitId(), p.plate(), p.validFrom(), p.validTo());
        }
    }

    /** @param status WAITING (position: 1 = next), ISSUED (permit) or WITHDRAWN; {@code owner}: the register's word, owners go first */
    record ApplicationView(UUID id, UUID unitId, String plate, boolean owner, int months, Instant appliedAt, String status, Integer position,
                           PermitView permit) {
        static ApplicationView of(Permits.Standing s) {
            return new ApplicationView(s.application().id(), s.application().unitId(), s.application().plate(), s.application().owner(),
                    s.application().months(), s.application().appliedAt(), s.status(), s.position(), PermitView.of(s.permit()));
        }
    }

    private final Permits permits;

    PermitsController(Permits permits) {
        this.permits = permits;
    }

    @PostMapping("/units/{unitId}/vehicles")
    @ResponseStatus(HttpStatus.CREATED)
    VehicleView register(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID unitId, @Valid @RequestBody NewVehicle body) {
        return new VehicleView(permits.registerVehicle(viewer, communityId, unitId, body.plate()));
    }

    @DeleteMapping("/units/{unitId}/vehicles/{plate}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unregister(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID unitId, @PathVariable String plate) {
        permits.unregisterVehicle(viewer, communityId, unitId, plate);
    }

    @Audited(kind = AuditKind.PERSONAL_DATA_READ, action = "parking.vehicles.read")
    @GetMapping("/units/{unitId}/vehicles")
    List<VehicleView> vehicles(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID unitId) {
        return permits.vehicles(viewer, communityId, unitId).stream().map(VehicleView::new).toList();
    }

    /** Applies for a permit; issued at once when a place is free and no owner waits ahead, else waiting in order. */
    @PostMapping("/lots/{lotId}/permit-applications")
    @ResponseStatus(HttpStatus.CREATED)
    ApplicationView apply(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID lotId, @Valid @RequestBody NewApplication body) {
        return ApplicationView.of(permits.apply(viewer, communityId, lotId, body.unitId(), body.plate(), body.months()));
    }

    @GetMapping("/lots/{lotId}/permit-applications/{applicationId}")
    ApplicationView application(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID lotId, @PathVariable UUID applicationId) {
        return ApplicationView.of(permits.standing(viewer, communityId, lotId, applicationId));
    }

    @DeleteMapping("/lots/{lotId}/permit-applications/{applicationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID lotId, @PathVariable UUID applicationId) {
        permits.withdraw(viewer, communityId, lotId, applicationId);
    }

    /** The waiting list in the order places will be offered: owners first, then by time of application. */
    @Audited(kind = AuditKind.PERSONAL_DATA_READ, action = "parking.permit-applications.read")
    @GetMapping("/lots/{lotId}/permit-applications")
    List<ApplicationView> waitingList(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID lotId) {
        return permits.waitingList(viewer, communityId, lotId).stream().map(ApplicationView::of).toList();
    }

    @Audited(kind = AuditKind.PERSONAL_DATA_READ, action = "parking.permits.read")
    @GetMapping("/lots/{lotId}/permits")
    List<PermitView> permits(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID lotId) {
        return permits.permits(viewer, communityId, lotId).stream().map(PermitView::of).toList();
    }

    @PostMapping("/lots/{lotId}/permits/{permitId}/renewal")
    PermitView renew(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID lotId, @PathVariable UUID permitId,
                     @Valid @RequestBody Renewal body) {
        return PermitView.of(permits.renew(viewer, communityId, lotId, permitId, body.months()));
    }
}
