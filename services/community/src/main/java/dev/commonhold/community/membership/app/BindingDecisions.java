package dev.commonhold.community.membership.app;

import dev.commonhold.community.membership.domain.BindingEvent;
import dev.commonhold.community.registry.app.RegistryAccess;
import dev.commonhold.platform.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/** The log of binding decisions: personal data, so for the operator and the owners' committee (as the register's owners are). */
@Service
public class BindingDecisions {

    private final RegistryAccess access;
    private final BindingLog log;

    BindingDecisions(RegistryAccess access, BindingLog log) {
        this.access = access;
        this.log = log;
    }

    @Transactional(readOnly = true)
    public List<BindingEvent> ofCommunity(Viewer viewer, UUID communityId, UUID after, int limit) {
        access.withPersonalData(viewer, communityId);
        return log.ofCommunity(communityId, after, limit);
    }
}
