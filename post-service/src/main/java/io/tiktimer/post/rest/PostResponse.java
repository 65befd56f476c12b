package io.tiktimer.post.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The original {@code PostResponse} fields first, then the additions. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "PostResponse")
public record PostResponse(
        long id,
        String content,
        Instant scheduledTime,
        String platform,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "draft, scheduled, queued, publishing, published, failed, unconfirmed, cancelled") String status,
        Long tiktokAccountId,
        List<Long> mediaIds,
        String mediaType,
        String mode,
        String privacyLevel,
        String title,
        boolean allowComment,
        boolean allowDuet,
        boolean allowStitch,
        boolean brandContentToggle,
        boolean brandOrganicToggle,
        boolean isAigc,
        Integer videoCoverTimestampMs,
        Integer photoCoverIndex,
        String timeZone,
        int attempt,
        @Schema(description = "When the next attempt is due (after a retryable failure)") Instant nextAttemptAt,
        String publishId,
        @Schema(description = "published or inbox_delivered") String publishOutcome,
        String publicPostId,
        String shareUrl,
        Instant publishedAt,
        String errorCode,
        String errorMessage,
        @Schema(description = "The declaration agreed to when the post was scheduled; null if none was given") String consentDeclaration,
        Instant consentedAt,
        @Schema(description = "When the latest attempt was handed to the publisher") Instant queuedAt,
        @Schema(description = "When TikTok accepted the latest attempt for processing") Instant publishingAt) {
}
