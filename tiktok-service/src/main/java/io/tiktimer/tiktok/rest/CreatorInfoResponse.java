package io.tiktimer.tiktok.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.tiktimer.tiktok.service.CreatorInfoView;

import java.time.Instant;
import java.util.List;

/**
 * TikTok's creator_info, for rendering the "post to TikTok" screen. {@code can_post} is false when TikTok says the
 * creator cannot post right now; {@code cannot_post_reason} then holds TikTok's code.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreatorInfoResponse(
        long accountId,
        String creatorUsername,
        String creatorNickname,
        String creatorAvatarUrl,
        List<String> privacyLevelOptions,
        boolean commentDisabled,
        boolean duetDisabled,
        boolean stitchDisabled,
        Integer maxVideoPostDurationSec,
        boolean canPost,
        String cannotPostReason,
        Instant fetchedAt) {

    public static CreatorInfoResponse of(CreatorInfoView view) {
        var info = view.info();
        return new CreatorInfoResponse(view.accountId(), info.creatorUsername(), info.creatorNickname(),
                info.creatorAvatarUrl(), info.privacyLevelOptions(), info.commentDisabled(), info.duetDisabled(),
                info.stitchDisabled(), info.maxVideoPostDurationSec(), info.canPost(),
                info.canPost() ? null : info.errorCode(), view.fetchedAt());
    }
}
