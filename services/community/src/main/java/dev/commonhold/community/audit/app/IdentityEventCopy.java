package dev.commonhold.community.audit.app;

import dev.commonhold.platform.audit.AuditEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Copies sign-ins and account changes from Keycloak's event store into the audit trail, every
 * {@code commonhold.audit.copy-every} (15 s): each stream from where the last copy got to, page by page,
 * each page with the new position in one transaction. Keycloak keeps events 90 days, so an outage of
 * this service shorter than that loses none; re-reading the last millisecond adds nothing twice.
 */
@Service
@ConditionalOnProperty(name = "commonhold.audit.copy-sign-ins", havingValue = "true", matchIfMissing = true)
public class IdentityEventCopy {

    private static final Logger log = LoggerFactory.getLogger(IdentityEventCopy.class);
    static final int PAGE = 100;
    /** Pages per stream per run: a backlog is worked off over several runs, and a run stays short. */
    static final int PAGES_PER_RUN = 20;

    private final IdentityEvents events;
    private final AuditEntries entries;
    private final TransactionTemplate tx;
    private volatile String lastFailure;

    IdentityEventCopy(IdentityEvents events, AuditEntries entries, TransactionTemplate tx) {
        this.events = events;
        this.entries = entries;
        this.tx = tx;
    }

    @Scheduled(fixedDelayString = "${commonhold.audit.copy-every:PT15S}", initialDelayString = "${commonhold.audit.copy-first:PT10S}")
    public synchronized int copy() {
        int copied = 0;
        try {
            copied += copy(IdentityEvents.SIGN_INS) + copy(IdentityEvents.ACCOUNT_CHANGES);
            lastFailure = null;
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).equals(lastFailure)) { // once per kind of trouble, not every 15 s
                log.warn("sign-ins not copied into the audit trail yet ({}); trying again", e.getMessage());
            }
            lastFailure = String.valueOf(e.getMessage());
        }
        return copied;
    }

    private int copy(String stream) {
        long since = entries.copiedUpTo(stream);
        int added = 0;
        for (int page = 0; page < PAGES_PER_RUN; page++) {
            List<AuditEntry> read = events.page(stream, since, page * PAGE, PAGE);
            long newest = read.stream().mapToLong(e -> e.at().toEpochMilli()).max().orElse(since);
            added += tx.execute(s -> {
                int n = entries.add(read);
                if (newest > entries.copiedUpTo(stream)) {
                    entries.copiedUpTo(stream, newest);
                }
                return n;
            });
            if (read.size() < PAGE) {
                break;
            }
        }
        return added;
    }
}
