package io.tiktimer.auth.service;

import io.quarkus.scheduler.Scheduled;
import io.tiktimer.auth.config.AuthConfig;
import io.tiktimer.auth.repository.LoginThrottleRepository;
import io.tiktimer.auth.repository.RefreshTokenRepository;
import io.tiktimer.auth.repository.UserSessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** Deletes rows that can no longer matter, so the auth tables stay as small as the set of live sessions. */
@ApplicationScoped
public class Housekeeping {

    private final RefreshTokenRepository refreshTokens;
    private final UserSessionRepository sessions;
    private final LoginThrottleRepository throttle;
    private final AuthConfig config;

    public Housekeeping(RefreshTokenRepository refreshTokens, UserSessionRepository sessions,
                        LoginThrottleRepository throttle, AuthConfig config) {
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.throttle = throttle;
        this.config = config;
    }

    // Idempotent deletes: running on several replicas at once is harmless.
    @Scheduled(every = "${auth.housekeeping.interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void purge() {
        Instant now = Instant.now();
        refreshTokens.deleteExpiredBefore(now);
        // a revoked session only matters while access tokens naming it could still be presented
        sessions.deleteDeadBefore(now.minus(config.jwt().accessTokenLifetime()).minusSeconds(60));
        throttle.deleteStale(now.minus(config.throttle().window()), now);
    }
}
