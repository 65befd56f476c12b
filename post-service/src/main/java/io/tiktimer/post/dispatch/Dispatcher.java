package io.tiktimer.post.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tiktimer.post.Post;
import io.tiktimer.post.PostStatus;
import io.tiktimer.post.config.PostConfig;
import io.tiktimer.servicekit.concurrent.Wakeup;
import io.tiktimer.servicekit.messaging.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves due {@code scheduled} posts to {@code queued} and writes their {@code post.due} to the outbox, in one
 * transaction per batch. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so any number of replicas (or
 * threads) can run this at once and each post is claimed by exactly one of them; a row locked by a user's edit is
 * skipped and taken on the next pass, after the edit committed.
 * <p>
 * One thread per replica, not a {@code @Scheduled} poll: it sleeps exactly until the earliest due time (read from the
 * partial index) or until woken by a post created here, which gives millisecond precision without polling fast; the
 * idle poll only bounds how late a post created on another replica is noticed.
 * <p>
 * Metrics: {@code tiktimer_dispatch_lag_seconds} (a post's due time to its claim, histogram),
 * {@code tiktimer_dispatch_claimed_total}, and {@code tiktimer_posts_due} (scheduled posts already due, measured at
 * most every five seconds by this thread: a backlog that grows means the dispatchers cannot keep up).
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private static final String CLAIM = "with due as (select id from post where status = 'scheduled' and due_at <= now() "
            + "order by due_at limit ? for update skip locked) "
            + "update post p set status = 'queued', attempt = p.attempt + 1, queued_at = now(), updated_at = now() "
            + "from due where p.id = due.id returning " + PostDueWriter.POST_COLUMNS;

    private static final String FAIL_INCOMPLETE = "update post set status = 'failed', error_code = 'incomplete_post', "
            + "error_message = 'The post has no TikTok account or no media, so there is nothing to publish. "
            + "Attach media and a connected TikTok account, then retry.', updated_at = now() where id = any(?)";

    private final DataSource dataSource;
    private final PostDueWriter outbox;
    private final OutboxRelay relay;
    private final PostConfig config;
    private final Clock clock;
    private final Timer lag;
    private final Counter claimedPosts;
    private final AtomicLong dueNow = new AtomicLong();
    private long dueMeasuredAt;
    private final Wakeup wakeup = new Wakeup();
    private volatile boolean running;
    /** Epoch millis of the next pass while the thread sleeps; MAX_VALUE during a pass, so that any post wakes it. */
    private volatile long nextPassAt = Long.MAX_VALUE;
    private Thread thread;

    public Dispatcher(DataSource dataSource, PostDueWriter outbox, OutboxRelay relay, PostConfig config, Clock clock,
                      MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.relay = relay;
        this.config = config;
        this.clock = clock;
        this.lag = Timer.builder("tiktimer.dispatch.lag")
                .description("From a post's due time to the dispatcher claiming it")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10)).register(metrics);
        this.claimedPosts = Counter.builder("tiktimer.dispatch.claimed")
                .description("Posts moved to queued with their post.due in the outbox").register(metrics);
        Gauge.builder("tiktimer.posts.due", dueNow, AtomicLong::get)
                .description("Scheduled posts whose due time has passed, as last measured").register(metrics);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.dispatcher().enabled()) {
            running = true;
            thread = new Thread(this::loop, "post-dispatcher");
            thread.setDaemon(true);
            thread.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    /**
     * Called after a post was created, edited or rescheduled here: wakes the dispatcher if the post is due before
     * the dispatcher's next planned pass, so it is seen on time without waiting for the idle poll. Posts due later
     * (most: they are scheduled hours ahead) cost the dispatcher nothing.
     */
    public void wakeUpFor(Post post) {
        if (post.status == PostStatus.SCHEDULED && post.dueAt != null && post.dueAt.toEpochMilli() < nextPassAt) {
            wakeup.signal();
        }
    }

    private void loop() {
        long idle = config.dispatcher().idlePoll().toMillis();
        while (running) {
            nextPassAt = Long.MAX_VALUE;
            try {
                int claimed = dispatchOnce(config.dispatcher().batchSize());
                measureDue(); // at most every 5 s, and also while a backlog drains: that is when it counts
                if (claimed >= config.dispatcher().batchSize()) {
                    continue; // a burst: keep draining without sleeping
                }
                Timestamp next = nextDue();
                long wait = next == null ? idle
                        : Math.max(0, Math.min(idle, next.getTime() - System.currentTimeMillis() + 1));
                if (wait == 0 && claimed == 0) {
                    // due rows exist but are locked by an edit in progress: look again shortly, do not spin
                    wait = 10;
                }
                if (wait > 0) {
                    nextPassAt = System.currentTimeMillis() + wait;
                    wakeup.await(wait);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("Dispatch pass failed, retrying shortly: %s", e.getMessage());
                try {
                    nextPassAt = System.currentTimeMillis() + idle;
                    wakeup.await(idle);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * One claim transaction: at most {@code limit} due posts become {@code queued} with their {@code post.due} in the
     * outbox. Returns how many rows were claimed. Safe to call from any number of threads and replicas at once.
     */
    public int dispatchOnce(int limit) throws SQLException {
        List<PostDueWriter.Claimed> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
                    ps.setInt(1, limit);
                    try (ResultSet rs = ps.executeQuery()) {
                        PostDueWriter.ClaimedRows rows = new PostDueWriter.ClaimedRows(rs);
                        while (rs.next()) {
                            claimed.add(rows.read(rs));
                        }
                    }
                }
                if (claimed.isEmpty()) {
                    c.commit();
                    return 0;
                }
                List<Long> incomplete = outbox.enqueue(c, claimed);
                if (!incomplete.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement(FAIL_INCOMPLETE)) {
                        ps.setArray(1, c.createArrayOf("bigint", incomplete.toArray(Long[]::new)));
                        ps.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        relay.wakeUp();
        long now = clock.millis();
        for (PostDueWriter.Claimed p : claimed) {
            lag.record(Duration.ofMillis(Math.max(0, now - p.dueAt().getTime())));
        }
        claimedPosts.increment(claimed.size());
        return claimed.size();
    }

    private void measureDue() throws SQLException {
        long now = clock.millis();
        if (now - dueMeasuredAt < 5_000) {
            return;
        }
        dueMeasuredAt = now;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select count(*) from post where status = 'scheduled' and due_at <= now()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            dueNow.set(rs.getLong(1));
        }
    }

    private Timestamp nextDue() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select min(due_at) from post where status = 'scheduled'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getTimestamp(1) : null;
        }
    }
}
