package dev.commonhold.trust.register;

import dev.commonhold.platform.messaging.inbox.EventHandler;
import dev.commonhold.trust.books.app.Books;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The register copy from community.state: communities (each gets its books) and their committees. */
@Configuration(proxyBeanMethods = false)
class RegisterHandlers {

    @Bean
    EventHandler communityStateHandler(Register register, Books books) {
        return EventHandler.of("community.community-state.v1", event -> {
            JsonNode p = event.payload();
            register.putCommunity(event.aggregateId(), p.get("name").asString(), p.get("divisionCode").asString(), p.get("timeZone").asString(),
                    UUID.fromString(p.get("operatorCompanyId").asString()));
            books.open(event.aggregateId());
        });
    }

    @Bean
    EventHandler committeeStateHandler(Register register) {
        return EventHandler.of("community.committee-state.v1", event -> {
            JsonNode p = event.payload();
            LocalDate start = LocalDate.parse(p.get("termStart").asString());
            LocalDate end = LocalDate.parse(p.get("termEnd").asString());
            List<CommitteeMember> members = new ArrayList<>();
            p.get("members").forEach(m -> {
                JsonNode user = m.get("userId");
                members.add(new CommitteeMember(UUID.fromString(m.get("memberId").asString()), m.get("name").asString(), m.get("role").asString(),
                        user == null || user.isNull() ? null : user.asString(), start, end));
            });
            register.replaceCommittee(UUID.fromString(p.get("communityId").asString()), UUID.fromString(p.get("committeeId").asString()), start, end,
                    members);
        });
    }
}
