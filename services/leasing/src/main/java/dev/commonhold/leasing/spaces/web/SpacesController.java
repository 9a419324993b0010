package dev.commonhold.leasing.spaces.web;

import dev.commonhold.leasing.spaces.app.Spaces;
import dev.commonhold.leasing.spaces.domain.Ownership;
import dev.commonhold.leasing.spaces.domain.Space;
import dev.commonhold.leasing.spaces.domain.SpaceKind;
import dev.commonhold.platform.security.Viewer;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Leasable spaces (可租赁空间): idle rooms, shops, ancillary rooms, civil-defence space, ad spots, roofs and walls. */
@RestController
@Tag(name = "Spaces")
@RequestMapping("/api/leasing/communities/{communityId}/spaces")
class SpacesController {

    /** L4: civil-defence space carries the civil-defence authority's approval number and its last valid day. */
    record Approval(@NotBlank @Size(max = 100) String number, @NotNull LocalDate expiresOn) {
    }

    /**
     * @param areaCentiM2 area in 0.01 m²
     * @param photoSha256 SHA-256 (hex) of photos of its condition
     */
    record NewSpace(@NotBlank @Size(max = 30) String code, @NotBlank @Size(max = 100) String name, @NotNull SpaceKind kind,
                    @NotNull Ownership ownership, @NotNull @Positive Long areaCentiM2, @Size(max = 100) String franchiseReference,
                    @Valid Approval civilDefenceApproval, @Size(max = 500) String condition,
                    @Size(max = 50) List<@NotNull @Pattern(regexp = "[0-9a-f]{64}") String> photoSha256) {
    }

    record NewPhoto(@NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be the photo's SHA-256: 64 lower-case hex digits") String sha256) {
    }

    /** @param revenueClass whose its rent is; null for a private space (not let through the community) */
    record SpaceView(UUID id, String code, String name, SpaceKind kind, Ownership ownership, String revenueClass, long areaCentiM2,
                     String franchiseReference, Approval civilDefenceApproval, String condition, List<String> photoSha256, boolean leasedToday) {
        static SpaceView of(Spaces.SpaceView v) {
            Space s = v.space();
            return new SpaceView(s.id(), s.code(), s.name(), s.kind(), s.ownership(), s.ownership() == Ownership.PRIVATE ? null : s.revenueClass(),
                    s.areaCentiM2(), s.franchiseReference(), s.civilDefenceApproval() == null ? null
                    : new Approval(s.civilDefenceApproval().number(), s.civilDefenceApproval().expiresOn()), s.condition(), s.photoSha256(),
                    v.leasedToday());
        }
    }

    private final Spaces spaces;

    SpacesController(Spaces spaces) {
        this.spaces = spaces;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SpaceView register(Viewer viewer, @PathVariable UUID communityId, @Valid @RequestBody NewSpace b) {
        Space space = spaces.register(viewer, communityId, new Space(null, communityId, b.code(), b.name(), b.kind(), b.ownership(), b.areaCentiM2(),
                b.franchiseReference(), b.civilDefenceApproval() == null ? null
                : new Space.CivilDefenceApproval(b.civilDefenceApproval().number().strip(), b.civilDefenceApproval().expiresOn()),
                b.condition(), b.photoSha256()));
        return SpaceView.of(spaces.get(viewer, communityId, space.id()));
    }

    @GetMapping
    List<SpaceView> list(Viewer viewer, @PathVariable UUID communityId) {
        return spaces.list(viewer, communityId).stream().map(SpaceView::of).toList();
    }

    @GetMapping("/{spaceId}")
    SpaceView get(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID spaceId) {
        return SpaceView.of(spaces.get(viewer, communityId, spaceId));
    }

    /** Files a photo of the space's condition by its SHA-256 (the file stays with the operator; the hash proves which it was). */
    @PostMapping("/{spaceId}/photos")
    @ResponseStatus(HttpStatus.CREATED)
    SpaceView addPhoto(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID spaceId, @Valid @RequestBody NewPhoto body) {
        return SpaceView.of(spaces.addPhoto(viewer, communityId, spaceId, body.sha256()));
    }
}
