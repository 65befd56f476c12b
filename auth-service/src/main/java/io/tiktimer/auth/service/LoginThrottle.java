package io.tiktimer.auth.service;

import io.tiktimer.auth.config.AuthConfig;
import io.tiktimer.auth.repository.LoginThrottleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Throttles password guessing per account, per client address and per (account, address) pair, with counters in
 * PostgreSQL so the limits hold across replicas. The pair limit is the low one: it stops a single attacker quickly
 * without locking the real user out from their own address; the per-account limit is high and stops guessing spread
 * over many addresses; the per-address limit stops password spraying across accounts. Once a limit is reached, each
 * further failure doubles the lock-out (slowed, then refused) up to a maximum.
 */
@ApplicationScoped
public class LoginThrottle {

    private final LoginThrottleRepository repository;
    private final AuthConfig.Throttle config;
    private final Clock clock;

    public LoginThrottle(LoginThrottleRepository repository, AuthConfig config, Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.config = config.throttle();
    }

    /** Who is trying: the account (user id, or the typed login when no such user exists) and the client address. */
    public record Attempt(String account, String address) {

        String accountKey() {
            return "account:" + account;
        }

        String addressKey() {
            return "address:" + address;
        }

        String pairKey() {
            return "account-address:" + account + "|" + address;
        }
    }

    /** Refuses with 429 and Retry-After while any of the attempt's counters is locked. */
    @Transactional
    public void checkAllowed(Attempt attempt) {
        Instant now = clock.instant();
        repository.lockedUntil(List.of(attempt.accountKey(), attempt.addressKey(), attempt.pairKey()), now)
                .ifPresent(until -> {
                    long seconds = Math.max(1, Duration.between(now, until).toSeconds() + 1);
                    throw AuthProblems.tooManyAttempts(seconds);
                });
    }

    /** Own transaction: the count must persist although the caller answers with an error. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(Attempt attempt) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(config.window());
        List<String[]> keysAndLimits = new ArrayList<>();
        keysAndLimits.add(new String[]{attempt.pairKey(), String.valueOf(config.accountAddressLimit())});
        keysAndLimits.add(new String[]{attempt.accountKey(), String.valueOf(config.accountLimit())});
        keysAndLimits.add(new String[]{attempt.addressKey(), String.valueOf(config.addressLimit())});
        for (String[] keyAndLimit : keysAndLimits) {
            int failures = repository.recordFailure(keyAndLimit[0], now, windowStart);
            int over = failures - Integer.parseInt(keyAndLimit[1]);
            if (over >= 0) {
                repository.lockUntil(keyAndLimit[0], now.plus(lockout(over)));
            }
        }
    }

    /** A successful login forgets the account's failures; the address counter stays, it may be spraying. */
    @Transactional
    public void recordSuccess(Attempt attempt) {
        repository.clear(List.of(attempt.accountKey(), attempt.pairKey()));
    }

    private Duration lockout(int failuresOverLimit) {
        Duration lockout = config.initialLockout().multipliedBy(1L << Math.min(failuresOverLimit, 20));
        return lockout.compareTo(config.maxLockout()) > 0 ? config.maxLockout() : lockout;
    }
}
