package io.tiktimer.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Fact from publisher-worker: the attempt did not publish.
 *
 * @param publishId      TikTok's publish id if init was accepted, else {@code null}
 * @param errorCode      TikTok's error code or fail reason ({@code spam_risk_too_many_posts}, {@code internal}, ...) or
 *                       one of ours ({@code reconnect_required}, {@code privacy_level_not_offered}, ...)
 * @param logId          TikTok's {@code log_id} for support requests, when TikTok answered
 * @param message        a sentence the user can act on
 * @param retryable      true when a new attempt may succeed without the user changing anything
 * @param outcomeUnknown true when the post may already be live at TikTok: post-service marks it {@code unconfirmed}
 *                       and never re-posts it without the user's explicit confirmation
 * @param retryNotBefore earliest sensible retry (e.g. after TikTok's 24 h cap), {@code null} for the default backoff
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostFailed(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        long postId,
        int attempt,
        long tiktokAccountId,
        String publishId,
        String errorCode,
        String logId,
        String message,
        boolean retryable,
        boolean outcomeUnknown,
        Instant retryNotBefore) implements Event {

    public static final String TYPE = "post.failed";
    public static final int VERSION = 1;

    public PostFailed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String topic() {
        return Topics.POST_FAILED;
    }

    @Override
    public String kafkaKey() {
        return Long.toString(postId);
    }

    public static PostFailed of(long postId, int attempt, long tiktokAccountId, String publishId, String errorCode,
                                String logId, String message, boolean retryable, boolean outcomeUnknown,
                                Instant retryNotBefore) {
        return new PostFailed(UUID.randomUUID(), TYPE, VERSION, Instant.now(), postId, attempt, tiktokAccountId,
                publishId, errorCode, logId, message, retryable, outcomeUnknown, retryNotBefore);
    }
}
