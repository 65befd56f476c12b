package io.tiktimer.auth.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.tiktimer.auth.config.AuthConfig;
import io.tiktimer.auth.repository.LoginThrottleRepository;
import io.tiktimer.auth.repository.RefreshTokenRepository;
import io.tiktimer.auth.repository.UserSessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/** Deletes rows that can no longer matter, so the auth tables stay as small as the set of live sessions. */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final RefreshTokenRepository refreshTokens;
    private final UserSessionRepository sessions;
    private final LoginThrottleRepository throttle;
    private final AuthConfig config;
    private final Clock clock;

    public Housekeeping(RefreshTokenRepository refreshTokens, UserSessionRepository sessions,
                        LoginThrottleRepository throttle, AuthConfig config, Clock clock) {
        this.clock = clock;
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.throttle = throttle;
        this.config = config;
    }

    /** How many rows one run deleted; -1 where that step failed (it is logged, and the next run tries again). */
    public record Purged(long refreshTokens, long sessions, long throttleCounters) {
    }

    // Idempotent deletes: running on several replicas at once is harmless.
    @Scheduled(every = "${auth.housekeeping.interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledPurge() {
        Purged purged = purge(clock.instant());
        LOG.debugf("Housekeeping deleted %d refresh tokens, %d sessions, %d throttle counters",
                purged.refreshTokens(), purged.sessions(), purged.throttleCounters());
    }

    /**
     * Each step in a transaction of its own: when all were one, a failing step (as the session purge once did on
     * every run) rolled back the others too, and expired tokens and stale counters were never deleted.
     */
    public Purged purge(Instant now) {
        long tokens = step("expired refresh tokens", () -> refreshTokens.deleteExpiredBefore(now));
        // a revoked session only matters while access tokens naming it could still be presented
        Instant sessionCutOff = now.minus(config.jwt().accessTokenLifetime()).minusSeconds(60);
        long deadSessions = step("dead sessions", () -> sessions.deleteDeadBefore(sessionCutOff));
        // a counter is stale once no window it can belong to (failed logins, sign-ups) still runs
        Duration longestWindow = config.throttle().window().compareTo(config.registration().window()) > 0
                ? config.throttle().window() : config.registration().window();
        long counters = step("stale throttle counters", () -> throttle.deleteStale(now.minus(longestWindow), now));
        return new Purged(tokens, deadSessions, counters);
    }

    private static long step(String what, LongSupplier delete) {
        try {
            return QuarkusTransaction.requiringNew().call(delete::getAsLong);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Housekeeping could not delete %s; the next run tries again", what);
            return -1;
        }
    }
}
