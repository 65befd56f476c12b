package io.tiktimer.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Fact from publisher-worker: TikTok accepted the init call for this attempt and answered with {@code publishId}.
 * From here on the post may exist at TikTok, so post-service must never let it be edited or blindly re-posted.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostPublishing(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        long postId,
        int attempt,
        long tiktokAccountId,
        String publishId) implements Event {

    public static final String TYPE = "post.publishing";
    public static final int VERSION = 1;

    public PostPublishing {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(publishId, "publishId");
    }

    @Override
    public String topic() {
        return Topics.POST_PUBLISHING;
    }

    @Override
    public String kafkaKey() {
        return Long.toString(postId);
    }

    public static PostPublishing of(long postId, int attempt, long tiktokAccountId, String publishId) {
        return new PostPublishing(UUID.randomUUID(), TYPE, VERSION, Instant.now(), postId, attempt, tiktokAccountId,
                publishId);
    }
}
