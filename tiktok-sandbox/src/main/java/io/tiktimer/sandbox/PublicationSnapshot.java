package io.tiktimer.sandbox;

import java.time.Instant;
import java.util.List;

/** The state of one publish_id as status/fetch would report it right now, plus what the client asked for. */
public record PublicationSnapshot(
        String publishId,
        String clientKey,
        String openId,
        String mediaType,
        String postMode,
        String source,
        String privacyLevel,
        String title,
        Instant createdAt,
        String status,
        String failReason,
        List<Long> publiclyAvailablePostIds,
        long uploadedBytes) {
}
