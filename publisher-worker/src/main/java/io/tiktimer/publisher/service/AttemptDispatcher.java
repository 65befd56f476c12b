package io.tiktimer.publisher.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tiktimer.publisher.attempt.AttemptProcessor;
import io.tiktimer.publisher.config.PublisherConfig;
import io.tiktimer.publisher.repository.PublishAttemptRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands runnable attempts from the database to a fixed pool of workers. The post.due consumer only records attempts
 * (and commits its offset once they are durable); all long work happens here, resumable from the database, so a slow
 * or rate-limited account occupies at most the workers of its own in-flight attempts and parks them between steps,
 * never the consumer or the other accounts.
 *
 * <p>A plain thread instead of {@code @Scheduled}: it must react at once to new work and freed workers, and it
 * must stop claiming before the workers are drained at shutdown.
 */
@ApplicationScoped
public class AttemptDispatcher {
    private static final Logger LOG = Logger.getLogger(AttemptDispatcher.class);

    private final PublishAttemptRepository attempts;
    private final AttemptProcessor processor;
    private final PublisherConfig config;
    private final ShutdownSignal shutdown;
    private final Clock clock;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final Object wakeup = new Object();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Attempts running here right now: never handed to a second worker, even if their lease looks expired. */
    private final java.util.Set<Long> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean woken;
    private Semaphore slots;
    private ExecutorService workers;
    private Thread loop;

    public AttemptDispatcher(PublishAttemptRepository attempts, AttemptProcessor processor, PublisherConfig config,
                             ShutdownSignal shutdown, Clock clock) {
        this.attempts = attempts;
        this.processor = processor;
        this.config = config;
        this.shutdown = shutdown;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        slots = new Semaphore(config.workers());
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.workers(), r -> new Thread(r, "publish-" + n.incrementAndGet()));
        loop = new Thread(this::dispatch, "publish-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    /** Graceful shutdown: stop claiming, let workers finish their chunk or call and park their attempts. */
    void stop(@Observes ShutdownEvent event) {
        shutdown.request();
        wake();
        if (workers == null) {
            return;
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(25, TimeUnit.SECONDS)) {
                LOG.warnf("%d attempt(s) still running at shutdown; their leases expire and they resume elsewhere",
                        inFlight.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** New work (a post.due, a finished step): look now instead of at the next tick. */
    public void wake() {
        synchronized (wakeup) {
            woken = true;
            wakeup.notifyAll();
        }
    }

    public int inFlight() {
        return inFlight.get();
    }

    private void dispatch() {
        while (!shutdown.requested()) {
            int claimed = 0;
            try {
                int free = slots.availablePermits();
                if (free > 0) {
                    claimed = claimAndSubmit(free);
                }
            } catch (RuntimeException e) {
                LOG.warnf("claiming attempts failed: %s", e.getMessage());
            }
            if (claimed == 0) {
                synchronized (wakeup) {
                    if (!woken) {
                        try {
                            wakeup.wait(config.dispatchInterval().toMillis());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    woken = false;
                }
            }
        }
    }

    private int claimAndSubmit(int free) {
        Instant now = clock.instant();
        List<Long> ids = QuarkusTransaction.requiringNew().call(
                () -> attempts.claimRunnable(owner, now, now.plus(config.leaseDuration()), free));
        for (Long id : ids) {
            if (!running.add(id)) {
                continue;
            }
            slots.acquireUninterruptibly();
            inFlight.incrementAndGet();
            workers.execute(() -> {
                try {
                    processor.run(id, owner);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "attempt %d could not be processed", id);
                } finally {
                    running.remove(id);
                    inFlight.decrementAndGet();
                    slots.release();
                    wake();
                }
            });
        }
        return ids.size();
    }
}
