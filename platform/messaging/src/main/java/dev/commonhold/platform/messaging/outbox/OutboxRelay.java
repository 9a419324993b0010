package dev.commonhold.platform.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes committed outbox events to Kafka in the background, retrying with back-off until
 * Kafka acknowledges them; a Kafka outage delays events, it never loses them or blocks writes.
 * Published rows are deleted after the retention period (the outbox is a queue, not a ledger).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final Duration HOUSEKEEPING_EVERY = Duration.ofMinutes(10);
    private static final Duration PENDING_GAUGE_EVERY = Duration.ofSeconds(10);

    private final OutboxBatch batch;
    private final JdbcTemplate jdbc;
    private final OutboxSignal signal;
    private final Duration pollInterval;
    private final Duration retention;
    private final AtomicLong pending = new AtomicLong();
    private final Counter published;
    private final Counter failures;

    private volatile boolean running;
    private Thread worker;
    private Instant nextHousekeeping = Instant.now();
    private Instant nextPendingCount = Instant.now();

    OutboxRelay(OutboxBatch batch, JdbcTemplate jdbc, OutboxSignal signal, Duration pollInterval, Duration retention, MeterRegistry meters) {
        this.batch = batch;
        this.jdbc = jdbc;
        this.signal = signal;
        this.pollInterval = pollInterval;
        this.retention = retention;
        this.published = meters.counter("commonhold.outbox.published");
        this.failures = meters.counter("commonhold.outbox.failures");
        Gauge.builder("commonhold.outbox.pending", pending, AtomicLong::get).register(meters);
    }

    @Override
    public synchronized void start() {
        if (!running) {
            running = true;
            worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        signal.wake();
        if (worker != null) {
            try {
                // A batch in flight may finish (its events are then marked); one stuck waiting for a
                // connection or for Kafka is interrupted — its events stay pending and go out next start.
                if (!worker.join(Duration.ofSeconds(5))) {
                    worker.interrupt();
                    worker.join(Duration.ofSeconds(10));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Duration backoff = pollInterval;
        while (running) {
            try {
                int sent = batch.publishNext();
                published.increment(sent);
                backoff = pollInterval;
                housekeep();
                if (sent == 0) {
                    signal.await(pollInterval);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("outbox relay could not publish, retrying in {} ms: {}", backoff.toMillis(), e.getMessage());
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void housekeep() {
        Instant now = Instant.now();
        if (now.isAfter(nextPendingCount)) {
            pending.set(jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE published_at IS NULL", Long.class));
            nextPendingCount = now.plus(PENDING_GAUGE_EVERY);
        }
        if (now.isAfter(nextHousekeeping)) {
            int removed = jdbc.update("DELETE FROM outbox_event WHERE published_at < now() - make_interval(secs => ?)",
                    retention.toSeconds());
            log.debug("outbox housekeeping removed {} published events", removed);
            nextHousekeeping = now.plus(HOUSEKEEPING_EVERY);
        }
    }

    private void pause(Duration duration) {
        try {
            signal.await(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
