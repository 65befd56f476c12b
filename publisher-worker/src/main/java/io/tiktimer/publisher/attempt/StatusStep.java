package io.tiktimer.publisher.attempt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tiktimer.contracts.PublishOutcome;
import io.tiktimer.publisher.AttemptState;
import io.tiktimer.publisher.PublishAttempt;
import io.tiktimer.publisher.client.AccessToken;
import io.tiktimer.publisher.client.TikTokClient;
import io.tiktimer.publisher.client.TikTokReply;
import io.tiktimer.publisher.config.PublisherConfig;
import io.tiktimer.publisher.config.TikTokConfig;
import io.tiktimer.publisher.mapping.EventMapper;
import io.tiktimer.publisher.service.AttemptStore;
import io.tiktimer.publisher.service.Failure;
import io.tiktimer.publisher.service.FailureCatalog;
import io.tiktimer.publisher.service.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code PROCESSING}, and the late checks after an outcome: only read-only {@code status/fetch} calls, safe to repeat.
 * Polls back off from the first interval to the maximum until TikTok reports a final status or the deadline passes
 * (then the outcome is unknown, and late checks keep looking so the truth is reported when it shows). A published
 * post whose public id TikTok has not given yet (moderation) is checked late too.
 */
@ApplicationScoped
public class StatusStep {
    private static final Logger LOG = Logger.getLogger(StatusStep.class);

    private final AttemptEnds ends;
    private final TikTokClient tiktok;
    private final AttemptStore store;
    private final EventMapper events;
    private final InitRequest request;
    private final PublisherConfig config;
    private final TikTokConfig tiktokConfig;

    public StatusStep(AttemptEnds ends, TikTokClient tiktok, AttemptStore store, EventMapper events,
                      InitRequest request, PublisherConfig config, TikTokConfig tiktokConfig) {
        this.ends = ends;
        this.tiktok = tiktok;
        this.store = store;
        this.events = events;
        this.request = request;
        this.config = config;
        this.tiktokConfig = tiktokConfig;
    }

    static void startPolling(PublishAttempt a, Instant now, PublisherConfig config) {
        a.statusDeadline = now.plus(config.status().deadline());
        a.pollIntervalMs = config.status().firstPoll().toMillis();
        a.nextRunAt = now.plus(config.status().firstPoll());
    }

    Next poll(PublishAttempt a) {
        Optional<Next> decided = look(a, false);
        if (decided.isPresent()) {
            return decided.get();
        }
        Instant now = ends.now();
        if (!now.isBefore(a.statusDeadline)) {
            return ends.fail(a, new Failure("status_timeout", null, "TikTok has not finished processing the post after "
                    + config.status().deadline().toMinutes() + " minutes. It may still appear on TikTok; TikTimer keeps "
                    + "checking and will update the post.", false, true, null));
        }
        long next = Math.min((long) (a.pollIntervalMs * 1.5), config.status().maxPollInterval().toMillis());
        a.pollIntervalMs = Math.max(next, config.status().firstPoll().toMillis());
        Instant at = now.plusMillis(a.pollIntervalMs);
        return Next.parkUntil(at.isAfter(a.statusDeadline) ? a.statusDeadline : at);
    }

    Next lateCheck(PublishAttempt a) {
        Instant now = ends.now();
        if (now.isAfter(a.lateCheckUntil)) {
            a.lateCheckUntil = null;
            return Next.STOP;
        }
        Optional<Next> decided = look(a, true);
        if (decided.isPresent()) {
            return decided.get();
        }
        long next = Math.min(Math.max(a.pollIntervalMs * 2, config.status().lateFirstCheck().toMillis()),
                config.status().lateMaxInterval().toMillis());
        a.pollIntervalMs = next;
        return Next.parkUntil(now.plusMillis(next));
    }

    /** Asks TikTok once: the end of the run when that decided it (a final status, a failure, a wait), else empty. */
    private Optional<Next> look(PublishAttempt a, boolean late) {
        Attempted<JsonNode> fetched = fetch(a, late);
        if (fetched.halted()) {
            return Optional.of(fetched.halt());
        }
        return fetched.value() == null ? Optional.empty() : apply(a, fetched.value());
    }

    /** status/fetch: its {@code data}, or null when there is nothing to learn this time (the caller looks again). */
    private Attempted<JsonNode> fetch(PublishAttempt a, boolean late) {
        AccessToken token;
        if (late) {
            token = ends.lateToken(a);
            if (token == null) {
                return Attempted.of(null);
            }
        } else {
            Attempted<AccessToken> got = ends.token(a);
            if (got.halted()) {
                return Attempted.halt(got.halt());
            }
            token = got.value();
        }
        Optional<Next> wait = ends.permit(a, RateLimiter.Endpoint.STATUS);
        if (wait.isPresent()) {
            return Attempted.halt(wait.get());
        }
        ObjectNode body = request.emptyBody().put("publish_id", a.publishId);
        TikTokReply reply = tiktok.post(TikTokClient.STATUS_FETCH, token.accessToken(), body);
        if (!(reply instanceof TikTokReply.Answered answer)) {
            return Attempted.of(null);
        }
        if (answer.ok()) {
            a.tokenRejections = 0;
            return Attempted.of(answer.dataOrMissing());
        }
        if ("access_token_invalid".equals(answer.code())) {
            if (late) {
                ends.forgetToken(a);
                return Attempted.of(null);
            }
            return Attempted.halt(ends.tokenRejected(a));
        }
        if (FailureCatalog.transientRefusal(answer.httpStatus(), answer.code()) || late) {
            return Attempted.of(null);
        }
        return Attempted.halt(ends.fail(a, new Failure(answer.code(), answer.logId(), "TikTok no longer lets TikTimer "
                + "check this post (" + answer.code() + "), so whether it was published is unknown. Check the TikTok "
                + "account.", false, true, null)));
    }

    /** Applies a status TikTok reported; the end of the run when it is final, empty while TikTok is still working. */
    private Optional<Next> apply(PublishAttempt a, JsonNode data) {
        String status = data.path("status").asText("");
        a.tiktokStatus = status;
        Instant now = ends.now();
        switch (status) {
            case "PUBLISH_COMPLETE" -> {
                return published(a, data, now);
            }
            case "SEND_TO_USER_INBOX" -> {
                a.state = AttemptState.INBOX_DELIVERED;
                a.finishedAt = now;
                a.lateCheckUntil = null;
                clearError(a);
                store.save(a, events.published(a, PublishOutcome.INBOX_DELIVERED, now));
                LOG.infof("post %d #%d delivered to the inbox as %s", a.postId, a.attempt, a.publishId);
                return Optional.of(Next.STOP);
            }
            case "FAILED" -> {
                a.lateCheckUntil = null;
                String reason = data.path("fail_reason").asText("unknown");
                return Optional.of(ends.fail(a, FailureCatalog.tiktok(reason, null, null, now)));
            }
            default -> {
                // PROCESSING_UPLOAD, PROCESSING_DOWNLOAD and statuses TikTok never documented: not terminal
                return Optional.empty();
            }
        }
    }

    private Optional<Next> published(PublishAttempt a, JsonNode data, Instant now) {
        String postId = publicPostId(data.path("publicaly_available_post_id"));
        boolean wasPublished = a.state == AttemptState.PUBLISHED;
        if (wasPublished && postId == null) {
            return Optional.empty(); // still waiting for moderation
        }
        if (postId != null) {
            a.publicPostId = postId;
            a.shareUrl = a.creatorUsername == null ? null
                    : tiktokConfig.webBaseUrl() + "/@" + a.creatorUsername + "/video/" + postId;
        }
        a.state = AttemptState.PUBLISHED;
        a.finishedAt = now;
        clearError(a);
        if (postId == null && expectsPublicId(a)) {
            a.lateCheckUntil = now.plus(config.status().lateResolutionWindow());
            a.pollIntervalMs = config.status().lateFirstCheck().toMillis();
            a.nextRunAt = now.plus(config.status().lateFirstCheck());
        } else {
            a.lateCheckUntil = null;
        }
        store.save(a, events.published(a, PublishOutcome.PUBLISHED, now));
        LOG.infof("post %d #%d published as %s (public id %s)", a.postId, a.attempt, a.publishId, postId);
        return Optional.of(Next.STOP);
    }

    private boolean expectsPublicId(PublishAttempt a) {
        return "DIRECT_POST".equals(a.mode) && "PUBLIC_TO_EVERYONE".equals(ends.due(a).privacyLevel());
    }

    private static String publicPostId(JsonNode ids) {
        JsonNode first = ids.isArray() ? (ids.isEmpty() ? null : ids.get(0)) : ids;
        if (first == null || first.isNull() || first.isMissingNode()) {
            return null;
        }
        String id = first.isNumber() ? first.bigIntegerValue().toString() : first.asText();
        return id.isBlank() || "0".equals(id) ? null : id;
    }

    private static void clearError(PublishAttempt a) {
        a.errorCode = null;
        a.errorMessage = null;
        a.retryable = null;
        a.outcomeUnknown = null;
        a.retryNotBefore = null;
    }
}
