package dev.commonhold.community.registry.web;

import dev.commonhold.community.registry.app.CommunityRegistration;
import dev.commonhold.community.registry.app.RegistryQueries;
import dev.commonhold.community.registry.domain.Community;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.paging.Cursors;
import dev.commonhold.platform.web.paging.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.util.UUID;

@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Communities")
@RequestMapping("/api/community/communities")
class CommunityController {

    record RegisterCommunity(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 50) String city,
                             @NotBlank @Size(max = 50) String district,
                             @NotNull @Pattern(regexp = "[1-8][0-9]{5}", message = "must be the 6-digit division code of the district, e.g. 110105") String divisionCode,
                             String timeZone, @Size(max = 300) String address,
                             @Positive @Digits(integer = 9, fraction = 2) BigDecimal declaredFloorAreaM2, UUID operatorCompanyId) {
    }

    private final CommunityRegistration registration;
    private final RegistryQueries queries;

    CommunityController(CommunityRegistration registration, RegistryQueries queries) {
        this.registration = registration;
        this.queries = queries;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<Responses.CommunityResponse> registerCommunity(Viewer viewer, @Valid @RequestBody RegisterCommunity request) {
        Community community = registration.register(viewer, new CommunityRegistration.Command(request.name(), request.city(),
                request.district(), request.divisionCode(), request.timeZone(), request.address(), request.declaredFloorAreaM2(),
                request.operatorCompanyId()));
        return ResponseEntity.created(URI.create("/api/community/communities/" + community.id())).body(Responses.community(community));
    }

    /** The communities the caller may see: their own (residents, committee), their company's (operators), their jurisdiction's (regulators). */
    @GetMapping
    Page<Responses.CommunityResponse> listCommunities(Viewer viewer, @RequestParam(required = false) String cursor,
                                           @RequestParam(required = false) Integer limit) {
        return Cursors.byId(cursor, limit, (after, n) -> queries.communities(viewer, after, n).stream().map(Responses::community).toList(),
                Responses.CommunityResponse::id);
    }

    @GetMapping("/{communityId}")
    Responses.CommunityDetails getCommunity(Viewer viewer, @PathVariable UUID communityId) {
        return Responses.details(queries.community(viewer, communityId), queries.summary(viewer, communityId));
    }
}
