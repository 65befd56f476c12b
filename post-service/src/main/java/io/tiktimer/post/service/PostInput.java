package io.tiktimer.post.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What a client asks of a post: create (all fields the original accepted keep their names and meaning) or patch
 * (every field optional; absent or null leaves the value unchanged). The service's input, read from a JSON body or the
 * original API's form; named {@code PostRequest} in the OpenAPI document, as before.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "PostRequest")
public record PostInput(
        @Schema(description = "Caption (video) or description (photo), at most 2200 characters") String content,
        @Schema(description = "ISO-8601; with an offset, or naive = UTC (or local time in time_zone when given)",
                example = "2026-12-01T18:30:00+01:00") String scheduledTime,
        @Schema(description = "Defaults to tiktok", example = "tiktok") String platform,
        @Schema(description = "draft or scheduled (default); cancelled on patch", example = "scheduled") String status,
        @Schema(description = "Target TikTok account; defaults to the user's only connected account") Long tiktokAccountId,
        @Schema(description = "One video, or 1 to 35 photos, from /media") List<Long> mediaIds,
        @Schema(description = "direct_post (default) or inbox") String mode,
        @Schema(description = "Required for direct posts, no default: PUBLIC_TO_EVERYONE, MUTUAL_FOLLOW_FRIENDS, "
                + "FOLLOWER_OF_CREATOR, SELF_ONLY") String privacyLevel,
        @Schema(description = "Photo post title, at most 90 characters") String title,
        @Schema(description = "Off by default") Boolean allowComment,
        @Schema(description = "Off by default") Boolean allowDuet,
        @Schema(description = "Off by default") Boolean allowStitch,
        @Schema(description = "Paid partnership disclosure") Boolean brandContentToggle,
        @Schema(description = "Promotes the creator's own business") Boolean brandOrganicToggle,
        @Schema(description = "AI-generated content label") Boolean isAigc,
        Integer videoCoverTimestampMs,
        Integer photoCoverIndex,
        @Schema(description = "IANA time zone, e.g. Europe/Berlin") String timeZone,
        @Schema(description = "The declaration the user agreed to on the posting screen, stored with the time of "
                + "consent; it must name TikTok's Branded Content Policy exactly when brand_content_toggle is on. "
                + "Changing the disclosure without a new declaration clears the stored consent",
                example = "By posting, you agree to TikTok's Music Usage Confirmation.") String consentDeclaration) {

    /** The original API's create body. */
    public static PostInput of(String content, String scheduledTime, String platform) {
        return new PostInput(content, scheduledTime, platform, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }
}
