package dev.commonhold.community.registry.app;

import dev.commonhold.community.registry.domain.Area;
import dev.commonhold.community.registry.domain.Changed;
import dev.commonhold.community.registry.domain.Community;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Role;
import dev.commonhold.platform.security.Viewer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.UUID;

/** Entering a community in the registry (an operator onboarding a newly renovated community). */
@Service
public class CommunityRegistration {

    public record Command(String name, String city, String district, String divisionCode, String timeZone, String address,
                          BigDecimal declaredFloorAreaM2, UUID operatorCompanyId) {
    }

    private final Communities communities;
    private final RegistryEvents events;

    CommunityRegistration(Communities communities, RegistryEvents events) {
        this.communities = communities;
        this.events = events;
    }

    @Transactional
    public Community register(Viewer viewer, Command command) {
        viewer.require(Role.OPERATOR_ADMIN, Role.PLATFORM_ADMIN);
        Area declared = command.declaredFloorAreaM2() == null ? null : Area.ofSquareMetres("declaredFloorAreaM2", command.declaredFloorAreaM2());
        Changed<Community> registered = Community.register(Ids.newId(), command.name(), command.city(), command.district(),
                command.divisionCode(), command.timeZone(), command.address(), declared, operatingCompany(viewer, command));
        communities.insert(registered.state());
        events.publish(registered.events());
        return registered.state();
    }

    /** An operator registers communities for its own company; only a platform admin may name another. */
    private static UUID operatingCompany(Viewer viewer, Command command) {
        if (viewer.has(Role.PLATFORM_ADMIN)) {
            return command.operatorCompanyId();
        }
        if (command.operatorCompanyId() != null && !command.operatorCompanyId().equals(viewer.company())) {
            throw new AccessDeniedException("an operator registers communities for its own company only");
        }
        return viewer.company();
    }
}
