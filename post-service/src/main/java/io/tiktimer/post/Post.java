package io.tiktimer.post;

import io.tiktimer.contracts.MediaType;
import io.tiktimer.contracts.PostMode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "post")
public class Post {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "user_id", nullable = false)
    public long userId;
    @Column(nullable = false)
    public String content;
    public String title;
    @Column(name = "scheduled_time")
    public Instant scheduledTime;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(nullable = false)
    public String platform;
    @Column(nullable = false)
    public PostStatus status;
    @Column(name = "tiktok_account_id")
    public Long tiktokAccountId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PostMode mode;
    @Enumerated(EnumType.STRING)
    @Column(name = "media_type")
    public MediaType mediaType;
    @Column(name = "privacy_level")
    public String privacyLevel;
    @Column(name = "disable_comment", nullable = false)
    public boolean disableComment;
    @Column(name = "disable_duet", nullable = false)
    public boolean disableDuet;
    @Column(name = "disable_stitch", nullable = false)
    public boolean disableStitch;
    @Column(name = "brand_content_toggle", nullable = false)
    public boolean brandContentToggle;
    @Column(name = "brand_organic_toggle", nullable = false)
    public boolean brandOrganicToggle;
    @Column(name = "is_aigc", nullable = false)
    public boolean aigc;
    @Column(name = "video_cover_timestamp_ms")
    public Integer videoCoverTimestampMs;
    @Column(name = "photo_cover_index")
    public Integer photoCoverIndex;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(nullable = false)
    public int attempt;
    @Column(name = "queued_at")
    public Instant queuedAt;
    @Column(name = "publishing_at")
    public Instant publishingAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "publish_id")
    public String publishId;
    @Column(name = "publish_outcome")
    public String publishOutcome;
    @Column(name = "public_post_id")
    public String publicPostId;
    @Column(name = "share_url")
    public String shareUrl;
    @Column(name = "error_code")
    public String errorCode;
    @Column(name = "error_message")
    public String errorMessage;
    /** The declaration the user agreed to when scheduling (TikTok's audit), and when; null when none was given. */
    @Column(name = "consent_declaration")
    public String consentDeclaration;
    @Column(name = "consented_at")
    public Instant consentedAt;
    /** W3C traceparent of the request that last scheduled the post: the dispatcher's send continues that trace. */
    @Column(name = "traceparent", length = 55)
    public String traceparent;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
