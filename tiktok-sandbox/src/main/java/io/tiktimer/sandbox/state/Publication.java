package io.tiktimer.sandbox.state;

import io.tiktimer.sandbox.PostIdPolicy;
import io.tiktimer.sandbox.PublicationSnapshot;
import io.tiktimer.sandbox.PublishFault;
import io.tiktimer.sandbox.SandboxConfig;
import java.time.Instant;
import java.util.List;

/**
 * One publish_id. Its status is not pushed forward by timers but derived from the sandbox clock whenever someone
 * looks, so advancing or freezing the clock moves or holds every post consistently.
 */
public final class Publication {
    public enum Mode { DIRECT_POST, MEDIA_UPLOAD }

    public enum Source { FILE_UPLOAD, PULL_FROM_URL }

    private final String publishId;
    private final String clientKey;
    private final String openId;
    private final String mediaType;
    private final Mode mode;
    private final Source source;
    private final String privacyLevel;
    private final String title;
    private final Instant createdAt;
    private final long postId;
    private final boolean postIdRevealed;
    private final PublishFault fault;
    private final SandboxConfig config;

    private Instant mediaCompletedAt;
    private String mediaFailReason;
    private long uploadedBytes;
    private Instant userPostedAt;
    private Instant failedAt;
    private String failReasonOverride;

    public Publication(String publishId, String clientKey, String openId, String mediaType, Mode mode, Source source,
            String privacyLevel, String title, Instant createdAt, PublishFault fault, String pullFailReason, SandboxConfig config) {
        this.publishId = publishId;
        this.clientKey = clientKey;
        this.openId = openId;
        this.mediaType = mediaType;
        this.mode = mode;
        this.source = source;
        this.privacyLevel = privacyLevel;
        this.title = title;
        this.createdAt = createdAt;
        this.fault = fault;
        this.config = config;
        this.postId = Ids.postId();
        this.postIdRevealed = switch (config.postIdPolicy()) {
            case AFTER_MODERATION_FOR_PUBLIC_POSTS -> true;
            case NEVER -> false;
            case RANDOM -> Ids.coinFlip();
        };
        if (source == Source.PULL_FROM_URL) {
            this.mediaCompletedAt = createdAt.plus(config.downloadDelay());
            this.mediaFailReason = pullFailReason;
        }
    }

    public String publishId() {
        return publishId;
    }

    public String clientKey() {
        return clientKey;
    }

    public String openId() {
        return openId;
    }

    public Mode mode() {
        return mode;
    }

    public Source source() {
        return source;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public synchronized void uploadProgress(long committedBytes) {
        this.uploadedBytes = committedBytes;
    }

    /** @param failReason what the media check will report once processing ends, or null when the media is fine */
    public synchronized void uploadCompleted(Instant at, long bytes, String failReason) {
        this.uploadedBytes = bytes;
        this.mediaCompletedAt = at;
        this.mediaFailReason = failReason;
    }

    public synchronized void failNow(Instant at, String reason) {
        if (failedAt == null) {
            failedAt = at;
            failReasonOverride = reason;
        }
    }

    /** The creator opens the inbox notification and posts the draft. */
    public synchronized boolean userPosts(Instant at) {
        if (mode != Mode.MEDIA_UPLOAD || statusAt(at) != PublishStatus.SEND_TO_USER_INBOX) {
            return false;
        }
        userPostedAt = at;
        return true;
    }

    public synchronized boolean cancellableAt(Instant now) {
        return source == Source.PULL_FROM_URL && statusAt(now) == PublishStatus.PROCESSING_DOWNLOAD
                && now.isBefore(mediaCompletedAt);
    }

    public synchronized PublishStatus statusAt(Instant now) {
        if (failedAt != null && !now.isBefore(failedAt)) {
            return PublishStatus.FAILED;
        }
        PublishStatus processing = source == Source.FILE_UPLOAD ? PublishStatus.PROCESSING_UPLOAD : PublishStatus.PROCESSING_DOWNLOAD;
        Instant processedAt = processedAt();
        if (processedAt == null || (fault != null && fault.stuck()) || now.isBefore(processedAt)) {
            return processing;
        }
        if (mediaFailReason != null) {
            return PublishStatus.FAILED;
        }
        Instant completedAt = completedAt();
        if (fault != null && fault.failReasonAfterComplete() != null && completedAt != null
                && !now.isBefore(completedAt.plus(fault.failDelay()))) {
            return PublishStatus.FAILED;
        }
        if (mode == Mode.DIRECT_POST) {
            return PublishStatus.PUBLISH_COMPLETE;
        }
        return userPostedAt != null && !now.isBefore(userPostedAt) ? PublishStatus.PUBLISH_COMPLETE : PublishStatus.SEND_TO_USER_INBOX;
    }

    public synchronized String failReasonAt(Instant now) {
        if (statusAt(now) != PublishStatus.FAILED) {
            return null;
        }
        if (failedAt != null && !now.isBefore(failedAt)) {
            return failReasonOverride;
        }
        return mediaFailReason != null ? mediaFailReason : fault.failReasonAfterComplete();
    }

    public synchronized List<Long> publicPostIdsAt(Instant now) {
        Instant completedAt = completedAt();
        boolean visible = statusAt(now) == PublishStatus.PUBLISH_COMPLETE
                && mode == Mode.DIRECT_POST
                && "PUBLIC_TO_EVERYONE".equals(privacyLevel)
                && postIdRevealed
                && config.postIdPolicy() != PostIdPolicy.NEVER
                && !now.isBefore(completedAt.plus(config.moderationDelay()));
        return visible ? List.of(postId) : List.of();
    }

    public synchronized long uploadedBytes() {
        return uploadedBytes;
    }

    public long downloadedBytesAt(Instant now) {
        return source == Source.PULL_FROM_URL && !statusAt(now).inProcessing() ? config.pulledVideoBytes() : 0L;
    }

    private Instant processedAt() {
        if (mediaCompletedAt == null) {
            return null;
        }
        Instant processed = mediaCompletedAt.plus(config.processingDelay());
        return fault == null ? processed : processed.plus(fault.extraProcessing());
    }

    /** When the post went live (direct) or reached the inbox (upload). */
    private Instant completedAt() {
        return processedAt();
    }

    public synchronized PublicationSnapshot snapshotAt(Instant now) {
        return new PublicationSnapshot(publishId, clientKey, openId, mediaType, mode.name(), source.name(), privacyLevel, title,
                createdAt, statusAt(now).name(), failReasonAt(now), publicPostIdsAt(now), uploadedBytes);
    }
}
