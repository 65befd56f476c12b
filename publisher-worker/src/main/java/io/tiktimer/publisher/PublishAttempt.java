package io.tiktimer.publisher;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

import java.time.Instant;
import java.util.UUID;

/** One attempt to publish one post: everything needed to resume it, and the outcome that was reported. */
@Entity
@Table(name = "publish_attempt")
// only changed columns are written, so a nudge from the consumer and a processor's save never clobber each other
@DynamicUpdate
public class PublishAttempt {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "post_id", nullable = false)
    public long postId;
    @Column(nullable = false)
    public int attempt;
    @Column(name = "user_id", nullable = false)
    public long userId;
    @Column(name = "tiktok_account_id", nullable = false)
    public long tiktokAccountId;
    @Column(name = "due_event_id", nullable = false)
    public UUID dueEventId;
    @Column(name = "due_payload", nullable = false)
    public String duePayload;
    @Column(nullable = false)
    public String mode;
    @Column(name = "media_type", nullable = false)
    public String mediaType;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AttemptState state;
    @Column(name = "publish_id")
    public String publishId;
    /** Carries TikTok's upload token: a capability for this one upload, never logged. */
    @Column(name = "upload_url")
    public String uploadUrl;
    @Column(name = "upload_url_expires_at")
    public Instant uploadUrlExpiresAt;
    @Column(name = "video_size")
    public Long videoSize;
    @Column(name = "chunk_size")
    public Long chunkSize;
    @Column(name = "chunk_count")
    public Integer chunkCount;
    @Column(name = "bytes_committed", nullable = false)
    public long bytesCommitted;
    @Column(name = "creator_username")
    public String creatorUsername;
    @Column(name = "tiktok_status")
    public String tiktokStatus;
    @Column(name = "error_code")
    public String errorCode;
    @Column(name = "error_message")
    public String errorMessage;
    @Column(name = "log_id")
    public String logId;
    public Boolean retryable;
    @Column(name = "outcome_unknown")
    public Boolean outcomeUnknown;
    @Column(name = "retry_not_before")
    public Instant retryNotBefore;
    @Column(name = "public_post_id")
    public String publicPostId;
    @Column(name = "share_url")
    public String shareUrl;
    @Column(name = "next_run_at", nullable = false)
    public Instant nextRunAt;
    @Column(name = "lease_owner")
    public String leaseOwner;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "step_failures", nullable = false)
    public int stepFailures;
    @Column(name = "token_rejections", nullable = false)
    public int tokenRejections;
    @Column(name = "poll_interval_ms", nullable = false)
    public long pollIntervalMs;
    @Column(name = "status_deadline")
    public Instant statusDeadline;
    @Column(name = "late_check_until")
    public Instant lateCheckUntil;
    @Column(name = "init_started_at")
    public Instant initStartedAt;
    @Column(name = "init_accepted_at")
    public Instant initAcceptedAt;
    @Column(name = "upload_completed_at")
    public Instant uploadCompletedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "publishing_event")
    public String publishingEvent;
    @Column(name = "outcome_event")
    public String outcomeEvent;
    /** W3C traceparent of the post.due this attempt came from: each run of the attempt continues that trace. */
    @Column(name = "traceparent", length = 55)
    public String traceparent;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
