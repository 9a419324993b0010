package dev.commonhold.community.audit.messaging;

import dev.commonhold.community.audit.app.AuditEntries;
import dev.commonhold.platform.audit.AuditEntry;
import dev.commonhold.platform.messaging.EventEnvelope;
import dev.commonhold.platform.messaging.EventJson;
import dev.commonhold.platform.messaging.inbox.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keeps every service's audit entries (audit.events), a run of them in one statement; the inbox and the entry id make a redelivery harmless. */
@Configuration(proxyBeanMethods = false)
class AuditEntryHandler {

    @Bean
    EventHandler auditEntryRecorded(AuditEntries entries) {
        return EventHandler.batched(AuditEntry.TYPE, events -> entries.add(events.stream()
                .map(event -> EventJson.convert(event.payload(), AuditEntry.class)).toList()));
    }
}
