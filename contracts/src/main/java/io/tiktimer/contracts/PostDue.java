package io.tiktimer.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Command from post-service to publisher-worker: publish this post now. It is a snapshot of the post taken in the same
 * transaction that moved the post to {@code queued}; edits after that are refused, so the snapshot stays true.
 *
 * @param attempt        1 for the first dispatch, incremented on every re-dispatch; (postId, attempt) names one publish attempt
 * @param privacyLevel   TikTok privacy level chosen by the user; {@code null} for inbox posts (the creator picks it in the app)
 * @param title          photo post title (TikTok's 90-character field); {@code null} for videos
 * @param content        video caption, or photo description
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostDue(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        long postId,
        long userId,
        int attempt,
        long tiktokAccountId,
        Instant scheduledTime,
        PostMode mode,
        MediaType mediaType,
        String title,
        String content,
        String privacyLevel,
        boolean disableComment,
        boolean disableDuet,
        boolean disableStitch,
        boolean brandContentToggle,
        boolean brandOrganicToggle,
        boolean aigc,
        Integer videoCoverTimestampMs,
        Integer photoCoverIndex,
        List<MediaRef> media) implements Event {

    public static final String TYPE = "post.due";
    public static final int VERSION = 1;

    public PostDue {
        Objects.requireNonNull(eventId, "eventId");
        media = media == null ? List.of() : List.copyOf(media);
    }

    @Override
    public String topic() {
        return Topics.POST_DUE;
    }

    @Override
    public String kafkaKey() {
        return Long.toString(tiktokAccountId);
    }

    /** A new event with a fresh id, stamped now. */
    public static PostDue of(long postId, long userId, int attempt, long tiktokAccountId, Instant scheduledTime,
                             PostMode mode, MediaType mediaType, String title, String content, String privacyLevel,
                             boolean disableComment, boolean disableDuet, boolean disableStitch,
                             boolean brandContentToggle, boolean brandOrganicToggle, boolean aigc,
                             Integer videoCoverTimestampMs, Integer photoCoverIndex, List<MediaRef> media) {
        return new PostDue(UUID.randomUUID(), TYPE, VERSION, Instant.now(), postId, userId, attempt, tiktokAccountId,
                scheduledTime, mode, mediaType, title, content, privacyLevel, disableComment, disableDuet, disableStitch,
                brandContentToggle, brandOrganicToggle, aigc, videoCoverTimestampMs, photoCoverIndex, media);
    }
}
