package io.tiktimer.publisher.attempt;

import io.tiktimer.contracts.PostDue;
import io.tiktimer.publisher.AttemptState;
import io.tiktimer.publisher.PublishAttempt;
import io.tiktimer.publisher.client.AccessToken;
import io.tiktimer.publisher.client.TikTokReply;
import io.tiktimer.publisher.client.TikTokServiceClient;
import io.tiktimer.publisher.client.TokenProblem;
import io.tiktimer.publisher.config.PublisherConfig;
import io.tiktimer.publisher.mapping.EventMapper;
import io.tiktimer.publisher.service.AttemptStore;
import io.tiktimer.publisher.service.Failure;
import io.tiktimer.publisher.service.FailureCatalog;
import io.tiktimer.publisher.service.RateLimiter;
import io.tiktimer.publisher.service.TokenCache;
import io.tiktimer.servicekit.time.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * How a step ends an attempt or waits, shared by every step: failing it (reported as {@code post.failed}), backing off
 * after a transient failure, waiting for a rate-limit permit, and getting (or losing) the creator's access token.
 * Each returns the {@link Next} the step hands back.
 */
@ApplicationScoped
public class AttemptEnds {
    private static final Logger LOG = Logger.getLogger(AttemptEnds.class);

    private final AttemptStore store;
    private final TokenCache tokens;
    private final TikTokServiceClient tiktokService;
    private final RateLimiter limiter;
    private final EventMapper events;
    private final PublisherConfig config;
    private final Clock clock;
    private final Backoff stepBackoff;

    public AttemptEnds(AttemptStore store, TokenCache tokens, TikTokServiceClient tiktokService, RateLimiter limiter,
                       EventMapper events, PublisherConfig config, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.tiktokService = tiktokService;
        this.limiter = limiter;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.stepBackoff = new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff());
    }

    /** Reports the failure (post.failed through the outbox); the run ends. */
    Next fail(PublishAttempt a, Failure f) {
        Instant now = now();
        a.state = f.outcomeUnknown() ? AttemptState.UNCONFIRMED : AttemptState.FAILED;
        a.errorCode = f.code();
        a.errorMessage = f.message();
        a.logId = f.logId();
        a.retryable = f.retryable();
        a.outcomeUnknown = f.outcomeUnknown();
        a.retryNotBefore = f.retryNotBefore();
        a.finishedAt = now;
        if (f.outcomeUnknown() && a.publishId != null) {
            // TikTok may still finish it: keep looking, and report the truth when it shows
            a.lateCheckUntil = now.plus(config.status().lateResolutionWindow());
            a.pollIntervalMs = config.status().lateFirstCheck().toMillis();
            a.nextRunAt = now.plus(config.status().lateFirstCheck());
        }
        store.save(a, events.failed(a, f, now));
        LOG.infof("post %d #%d %s: %s%s", a.postId, a.attempt, a.state, f.code(),
                f.logId() == null ? "" : " (log_id " + f.logId() + ")");
        return Next.STOP;
    }

    /** Something that may work later failed; back off, and give up (as reported below) after too many tries. */
    Next transientFailure(PublishAttempt a, String reason) {
        a.stepFailures++;
        LOG.infof("post %d #%d: %s (try %d)", a.postId, a.attempt, reason, a.stepFailures);
        if (a.stepFailures > config.retry().maxStepFailures()) {
            return switch (a.state) {
                case PROCESSING -> fail(a, FailureCatalog.unknown("status_unavailable",
                        "TikTok could not be asked about the post for a long time; it may or may not be published. "
                                + "TikTimer keeps checking."));
                case UPLOADING -> fail(a, FailureCatalog.ours("upload_failed",
                        "The video could not be sent to TikTok, so nothing was published. It will be retried.", true));
                default -> fail(a, FailureCatalog.ours("tiktok_unavailable",
                        "TikTok or TikTimer's account service could not be reached. The post will be retried.", true));
            };
        }
        return Next.parkUntil(now().plus(stepBackoff.after(a.stepFailures)));
    }

    /** TikTok refused a call: the token is asked for again, a transient refusal backs off, anything else fails. */
    Next refused(PublishAttempt a, TikTokReply.Answered answer) {
        LOG.infof("post %d #%d: TikTok refused %s (HTTP %d, log_id %s)", a.postId, a.attempt, answer.code(),
                answer.httpStatus(), answer.logId());
        if ("access_token_invalid".equals(answer.code())) {
            return tokenRejected(a);
        }
        if (FailureCatalog.transientRefusal(answer.httpStatus(), answer.code())) {
            return transientFailure(a, "TikTok answered " + answer.code());
        }
        return fail(a, FailureCatalog.tiktok(answer.code(), answer.message(), answer.logId(), now()));
    }

    /** The creator's access token, or the end of the step when tiktok-service cannot give one. */
    Attempted<AccessToken> token(PublishAttempt a) {
        try {
            return Attempted.of(tokens.get(a.tiktokAccountId, a.userId));
        } catch (TokenProblem problem) {
            return Attempted.halt(switch (problem.kind()) {
                case UNAVAILABLE -> transientFailure(a, problem.getMessage());
                case RECONNECT_REQUIRED -> fail(a, FailureCatalog.tiktok("reconnect_required", null, null, now()));
                case ACCOUNT_NOT_FOUND -> fail(a, FailureCatalog.ours("account_not_found",
                        "The TikTok account of this post is no longer connected to TikTimer: reconnect TikTok, "
                                + "then retry the post.", false));
            });
        }
    }

    /** Late checks never fail a post over a token: null, and they look again later. */
    AccessToken lateToken(PublishAttempt a) {
        try {
            return tokens.get(a.tiktokAccountId, a.userId);
        } catch (TokenProblem problem) {
            return null;
        }
    }

    /** A late check's token was refused: forget it, so the next look asks tiktok-service for a fresh one. */
    void forgetToken(PublishAttempt a) {
        tokens.invalidate(a.tiktokAccountId, a.userId);
    }

    /**
     * TikTok said access_token_invalid. The first time we ask tiktok-service again (it refreshes tokens near expiry);
     * if TikTok refuses that one too, the account needs reconnecting.
     */
    Next tokenRejected(PublishAttempt a) {
        tokens.invalidate(a.tiktokAccountId, a.userId);
        a.tokenRejections++;
        if (a.tokenRejections < 2) {
            return Next.parkUntil(now());
        }
        tiktokService.reportReconnectRequired(a.tiktokAccountId, a.userId);
        return fail(a, FailureCatalog.tiktok("reconnect_required", null, null, now()));
    }

    /** A permit for one call to {@code endpoint}, or the wait until one is free. */
    Optional<Next> permit(PublishAttempt a, RateLimiter.Endpoint endpoint) {
        return limiter.tryAcquire(a.tiktokAccountId, endpoint).map(Next::parkUntil);
    }

    PostDue due(PublishAttempt a) {
        return events.dueOf(a);
    }

    Instant now() {
        return clock.instant();
    }
}
