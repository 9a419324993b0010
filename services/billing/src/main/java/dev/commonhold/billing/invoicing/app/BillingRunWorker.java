package dev.commonhold.billing.invoicing.app;

import dev.commonhold.billing.invoicing.domain.BillingRun;
import dev.commonhold.billing.register.Register;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Works billing runs off in chunks, each chunk one transaction that issues its invoices, their
 * events and the run's new cursor and counts together. Killed at any point, the run resumes at
 * the last committed cursor when the service starts again; nothing is issued twice.
 */
@Component
public class BillingRunWorker {

    private static final Logger log = LoggerFactory.getLogger(BillingRunWorker.class);

    private final BillingRunStore runs;
    private final BillingRunChunk chunk;
    private final TransactionTemplate transaction;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("billing-run").daemon().factory());

    BillingRunWorker(BillingRunStore runs, BillingRunChunk chunk, TransactionTemplate transaction) {
        this.runs = runs;
        this.chunk = chunk;
        this.transaction = transaction;
    }

    static List<UUID> communitiesOf(String scopeKey, Register register) {
        UUID id = UUID.fromString(scopeKey.substring(scopeKey.indexOf(':') + 1));
        return scopeKey.startsWith("community:") ? List.of(id) : register.communitiesOf(id);
    }

    /** Runs interrupted by a crash or a restart go on where they stopped. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted() {
        runs.running().forEach(id -> {
            log.info("billing run {} was interrupted: resuming where it stopped", id);
            executor.submit(() -> work(id));
        });
    }

    void submitAfterCommit(UUID runId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                executor.submit(() -> work(runId));
            }
        });
    }

    private void work(UUID runId) {
        try {
            long lastLog = 0;
            BillingRun run = runs.find(runId).orElseThrow();
            BillingRunChunk.Context context = chunk.context(run);
            while (Boolean.TRUE.equals(transaction.execute(s -> chunk.next(runId, context)))) {
                if (System.nanoTime() - lastLog > 5_000_000_000L) {
                    runs.find(runId).ifPresent(BillingRunWorker::logProgress);
                    lastLog = System.nanoTime();
                }
            }
            runs.find(runId).ifPresent(BillingRunWorker::logSummary);
        } catch (RuntimeException e) {
            log.error("billing run {} failed; asking for the same period again resumes it", runId, e);
            transaction.executeWithoutResult(s -> runs.finished(runId, "FAILED", e.toString()));
        }
    }

    private static void logProgress(BillingRun run) {
        log.info("billing run {}: {}/{} units ({}%), {} units/s, ETA {} s", run.id(), run.doneUnits(), run.totalUnits(), run.percent(),
                Math.round(run.rate()), run.etaSeconds());
    }

    private static void logSummary(BillingRun run) {
        log.info("billing run {} {}: {} units, {} invoices issued ({} fen), {} already billed, {} without a price, {} units/s",
                run.id(), run.status(), run.doneUnits(), run.issued(), run.issuedFen(), run.alreadyBilled(), run.noPrice(), Math.round(run.rate()));
    }
}
