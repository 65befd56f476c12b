package io.tiktimer.publisher.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.tiktimer.contracts.PostMode;
import io.tiktimer.publisher.AttemptState;
import io.tiktimer.publisher.config.PublisherConfig;
import io.tiktimer.publisher.repository.PublishAttemptRepository;
import io.tiktimer.publisher.repository.RatePermitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * TikTok's per-account limits enforced before TikTok has to (tiktok-api.md §4.1, §4.2): sliding one-minute windows
 * per account and endpoint, and the daily post caps. The windows live in PostgreSQL under an advisory lock, so any
 * number of worker instances share them and a restart forgets nothing. A caller that is refused gets the instant it
 * may try again and parks its attempt until then instead of blocking a thread.
 */
@ApplicationScoped
public class RateLimiter {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Duration DAY = Duration.ofHours(24);

    public enum Endpoint { INIT, STATUS, CREATOR_INFO }

    public sealed interface InitPermit {
        record Granted(Instant at) implements InitPermit {
        }

        record Wait(Instant until) implements InitPermit {
        }

        record CapReached(Failure failure) implements InitPermit {
        }
    }

    private final RatePermitRepository permits;
    private final PublishAttemptRepository attempts;
    private final PublisherConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    public RateLimiter(RatePermitRepository permits, PublishAttemptRepository attempts, PublisherConfig config,
                       Clock clock, MeterRegistry metrics) {
        this.permits = permits;
        this.attempts = attempts;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Empty when the call may go now (and is counted); else when to try again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Instant> tryAcquire(long accountId, Endpoint endpoint) {
        permits.lock(accountId, endpoint.name());
        return take(accountId, endpoint, limit(endpoint), clock.instant());
    }

    /**
     * The permit for an init, decided together with the daily caps and recorded together with the attempt's move to
     * {@code INIT_SENDING}: two attempts of one account can never both pass the last free slot.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public InitPermit acquireInit(long attemptId, long accountId, PostMode mode) {
        permits.lock(accountId, Endpoint.INIT.name());
        Instant now = clock.instant();
        int cap = mode == PostMode.INBOX ? config.limits().inboxSharesPerDay() : config.limits().directPostsPerDay();
        PublishAttemptRepository.CapUsage usage = attempts.capUsage(accountId, mode.name(), now.minus(DAY));
        if (usage.used() >= cap) {
            Instant retry = usage.oldest().plus(DAY);
            return new InitPermit.CapReached(mode == PostMode.INBOX
                    ? new Failure("pending_inbox_cap_reached", null, "This TikTok account has sent " + usage.used()
                    + " drafts to its inbox in the last 24 hours, TikTok's limit. The post will be retried when a slot frees up.",
                    true, false, retry)
                    : new Failure("daily_post_cap_reached", null, "This TikTok account has published " + usage.used()
                    + " posts through TikTimer in the last 24 hours, TikTok's daily limit. The post will be retried when the limit resets.",
                    true, false, retry));
        }
        Optional<Instant> wait = take(accountId, Endpoint.INIT, config.limits().initPerMinute(), now);
        if (wait.isPresent()) {
            return new InitPermit.Wait(wait.get());
        }
        int moved = attempts.update("state = ?1, initStartedAt = ?2, updatedAt = ?2 where id = ?3 and state = ?4",
                AttemptState.INIT_SENDING, now, attemptId, AttemptState.RECEIVED);
        if (moved != 1) {
            throw new IllegalStateException("attempt " + attemptId + " left RECEIVED while holding its lease");
        }
        return new InitPermit.Granted(now);
    }

    private Optional<Instant> take(long accountId, Endpoint endpoint, int limit, Instant now) {
        Duration window = WINDOW.plus(config.limits().windowMargin());
        List<Instant> recent = permits.grantedSince(accountId, endpoint.name(), now.minus(window));
        if (recent.size() < limit) {
            permits.grant(accountId, endpoint.name(), now);
            return Optional.empty();
        }
        // a call held back to stay inside TikTok's per-minute limit: many of these mean an account is saturated
        metrics.counter("tiktimer.ratelimiter.waits", "endpoint", endpoint.name().toLowerCase(Locale.ROOT)).increment();
        return Optional.of(recent.get(recent.size() - limit).plus(window));
    }

    private int limit(Endpoint endpoint) {
        return switch (endpoint) {
            case INIT -> config.limits().initPerMinute();
            case STATUS -> config.limits().statusPerMinute();
            case CREATOR_INFO -> config.limits().creatorInfoPerMinute();
        };
    }

    @Scheduled(every = "10m", delayed = "1m")
    @Transactional
    void forgetOldPermits() {
        permits.deleteOlderThan(clock.instant().minus(Duration.ofMinutes(10)));
    }
}
