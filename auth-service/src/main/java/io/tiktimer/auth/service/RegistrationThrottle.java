package io.tiktimer.auth.service;

import io.tiktimer.auth.config.AuthConfig;
import io.tiktimer.auth.repository.LoginThrottleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * At most {@code auth.registration.address-limit} sign-up attempts per client address per window (30 accounts in
 * 4 s from one address were possible). The counter lives in the login throttle's table, so the limit holds across
 * replicas. Attempts are counted whatever their outcome: a refused one (a taken username) tells the caller something
 * too.
 */
@ApplicationScoped
public class RegistrationThrottle {

    static final String KEY_PREFIX = "registration-address:";

    private final LoginThrottleRepository repository;
    private final AuthConfig.Registration config;
    private final Clock clock;

    public RegistrationThrottle(LoginThrottleRepository repository, AuthConfig config, Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.config = config.registration();
    }

    /** Counts the attempt; 429 with Retry-After (the end of the window) once the address is over its limit. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void admit(String clientAddress) {
        Instant now = clock.instant();
        LoginThrottleRepository.Count attempts = repository.count(KEY_PREFIX + clientAddress, now,
                now.minus(config.window()));
        if (attempts.count() > config.addressLimit()) {
            Instant windowEnds = attempts.windowStartedAt().plus(config.window());
            throw AuthProblems.tooManyRegistrations(Math.max(1, Duration.between(now, windowEnds).toSeconds() + 1));
        }
    }
}
