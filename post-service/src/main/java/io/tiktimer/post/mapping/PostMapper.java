package io.tiktimer.post.mapping;

import io.tiktimer.post.Post;
import io.tiktimer.post.PostStatus;
import io.tiktimer.post.rest.PostResponse;

import java.util.List;

public final class PostMapper {
    private PostMapper() {
    }

    public static PostResponse toResponse(Post p, List<Long> mediaIds) {
        return new PostResponse(p.id, p.content, p.scheduledTime, p.platform, p.createdAt, p.updatedAt,
                p.status.apiName(), p.tiktokAccountId, mediaIds, p.mediaType == null ? null : p.mediaType.name().toLowerCase(),
                p.mode.name().toLowerCase(), p.privacyLevel, p.title, !p.disableComment, !p.disableDuet, !p.disableStitch,
                p.brandContentToggle, p.brandOrganicToggle, p.aigc, p.videoCoverTimestampMs, p.photoCoverIndex,
                p.timeZone, p.attempt,
                p.status == PostStatus.SCHEDULED && p.attempt > 0 ? p.dueAt : null,
                p.publishId, p.publishOutcome, p.publicPostId, p.shareUrl, p.publishedAt, p.errorCode, p.errorMessage,
                p.consentDeclaration, p.consentedAt, p.queuedAt, p.publishingAt);
    }
}
