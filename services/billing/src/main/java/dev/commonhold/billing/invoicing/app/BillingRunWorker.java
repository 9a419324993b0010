package dev.commonhold.billing.invoicing.app;

import dev.commonhold.billing.invoicing.domain.BillingRun;
import dev.commonhold.billing.register.Register;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Works billing runs off in lanes, one thread each (a run's communities are shared among its
 * lanes, {@link BillingRun#laneOf}), each lane in chunks, each chunk one transaction that issues
 * its invoices, their events, the lane's new cursor and the run's counts together. Killed at any
 * point, every lane resumes at its last committed cursor when the service starts again; nothing is
 * issued twice.
 */
@Component
public class BillingRunWorker {

    private static final Logger log = LoggerFactory.getLogger(BillingRunWorker.class);

    private final BillingRunStore runs;
    private final BillingRunChunk chunk;
    private final TransactionTemplate transaction;
    private final int lanes;
    private final ExecutorService executor;
    private final AtomicLong lastProgressLog = new AtomicLong();

    BillingRunWorker(BillingRunStore runs, BillingRunChunk chunk, TransactionTemplate transaction,
                     @Value("${billing.runs.lanes:2}") int lanes) {
        this.runs = runs;
        this.chunk = chunk;
        this.transaction = transaction;
        this.lanes = Math.max(1, lanes);
        this.executor = Executors.newFixedThreadPool(this.lanes, Thread.ofPlatform().name("billing-run-", 0).daemon().factory());
    }

    /** Lanes for a new run: one per worker thread, never more than it has communities. */
    int lanesFor(int communities) {
        return Math.max(1, Math.min(lanes, communities));
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
            submit(id);
        });
    }

    void submitAfterCommit(UUID runId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                submit(runId);
            }
        });
    }

    private void submit(UUID runId) {
        runs.openLanes(runId).forEach(lane -> executor.submit(() -> work(runId, lane)));
    }

    private void work(UUID runId, int lane) {
        try {
            BillingRun run = runs.find(runId).orElseThrow();
            BillingRunChunk.Context context = chunk.context(run, lane);
            while (Boolean.TRUE.equals(transaction.execute(s -> chunk.next(run, lane, context)))) {
                long last = lastProgressLog.get();
                if (System.nanoTime() - last > 5_000_000_000L && lastProgressLog.compareAndSet(last, System.nanoTime())) {
                    runs.find(runId).ifPresent(BillingRunWorker::logProgress);
                }
            }
            runs.find(runId).filter(r -> !r.running()).ifPresent(BillingRunWorker::logSummary);
        } catch (RuntimeException e) {
            log.error("billing run {} failed in lane {}; asking for the same period again resumes it", runId, lane, e);
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
