package dev.commonhold.fund.projects.messaging;

import dev.commonhold.fund.projects.app.ProjectWork;
import dev.commonhold.fund.projects.app.Projects;
import dev.commonhold.platform.messaging.inbox.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The owners' decisions (community.resolution-decided.v1): kept, and applied to a project waiting for its vote. */
@Configuration(proxyBeanMethods = false)
class ResolutionDecisions {

    @Bean
    EventHandler resolutionDecidedHandler(ProjectWork work) {
        return EventHandler.of("community.resolution-decided.v1", event -> {
            JsonNode p = event.payload();
            List<UUID> ids = new ArrayList<>();
            p.get("electorate").get("ids").forEach(id -> ids.add(UUID.fromString(id.asString())));
            work.decided(new Projects.Decision(UUID.fromString(p.get("resolutionId").asString()), event.communityId(), p.get("title").asString(),
                    p.get("matter").asString(), p.get("outcome").asString(), p.get("electorate").get("scope").asString(), ids),
                    Instant.parse(p.get("decidedAt").asString()));
        });
    }
}
