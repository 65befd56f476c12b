package io.tiktimer.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Fact from publisher-worker: the attempt succeeded. TikTok may reveal the public post id only after moderation, so the
 * same attempt can be reported again later with {@code publicPostId} and {@code shareUrl} filled in.
 *
 * @param publicPostId TikTok's public post id (19 digits, kept as a string), {@code null} while not yet known
 * @param shareUrl     the post's public URL, {@code null} while not yet known
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostPublished(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        long postId,
        int attempt,
        long tiktokAccountId,
        String publishId,
        PublishOutcome outcome,
        String publicPostId,
        String shareUrl) implements Event {

    public static final String TYPE = "post.published";
    public static final int VERSION = 1;

    public PostPublished {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(publishId, "publishId");
        Objects.requireNonNull(outcome, "outcome");
    }

    @Override
    public String topic() {
        return Topics.POST_PUBLISHED;
    }

    @Override
    public String kafkaKey() {
        return Long.toString(postId);
    }

    public static PostPublished of(long postId, int attempt, long tiktokAccountId, String publishId,
                                   PublishOutcome outcome, String publicPostId, String shareUrl) {
        return new PostPublished(UUID.randomUUID(), TYPE, VERSION, Instant.now(), postId, attempt, tiktokAccountId,
                publishId, outcome, publicPostId, shareUrl);
    }
}
