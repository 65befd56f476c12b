package io.tiktimer.post.service;

import io.tiktimer.contracts.PostMode;
import io.tiktimer.post.Post;
import io.tiktimer.post.PostStatus;
import io.tiktimer.servicekit.problem.Problems;
import io.tiktimer.servicekit.problem.Problems.In;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A post's own fields, one at a time, as a client sends them: each is checked on its own (length, enum, time, ids)
 * and copied onto the post. Rules between fields and against the database (media, account) are {@code PostService}'s.
 */
final class PostFields {

    public static final Set<String> PRIVACY_LEVELS = Set.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS",
            "FOLLOWER_OF_CREATOR", "SELF_ONLY");
    static final int MAX_CONTENT = 2200;
    static final int MAX_TITLE = 90;
    static final int MAX_PHOTOS = 35;

    private PostFields() {
    }

    /** Copies request fields onto the post; returns the media ids the post will have. */
    static List<Long> apply(Post p, PostInput r, List<Long> currentMedia, boolean creating, In in, Instant now) {
        if (r.content() != null) {
            if (r.content().length() > MAX_CONTENT) {
                throw Problems.invalid("content", in, "may be at most " + MAX_CONTENT + " characters");
            }
            p.content = r.content();
        }
        if (r.title() != null) {
            if (r.title().length() > MAX_TITLE) {
                throw Problems.invalid("title", in, "may be at most " + MAX_TITLE + " characters");
            }
            p.title = r.title().isEmpty() ? null : r.title();
        }
        if (r.platform() != null) {
            String platform = r.platform().trim().toLowerCase(Locale.ROOT);
            if (platform.isEmpty() || platform.length() > 32) {
                throw Problems.invalid("platform", in, "must be 1 to 32 characters");
            }
            p.platform = platform;
        }
        if (r.timeZone() != null) {
            try {
                p.timeZone = ZoneId.of(r.timeZone()).getId();
            } catch (DateTimeException e) {
                throw Problems.invalid("time_zone", in, "must be an IANA time zone such as Europe/Berlin");
            }
        }
        if (r.scheduledTime() != null) {
            p.scheduledTime = ScheduleTimes.parseTime("scheduled_time", in, r.scheduledTime(), p.timeZone);
        }
        if (r.status() != null) {
            PostStatus s = PostStatus.fromApiName(r.status()).orElse(null);
            boolean allowed = s == PostStatus.DRAFT || s == PostStatus.SCHEDULED || (!creating && s == PostStatus.CANCELLED);
            if (!allowed) {
                throw Problems.invalid("status", in, creating ? "may be draft or scheduled"
                        : "may be set to draft, scheduled or cancelled");
            }
            p.status = s;
        } else if (!creating && (p.status == PostStatus.FAILED || p.status == PostStatus.CANCELLED)
                && r.scheduledTime() != null) {
            // a new time for a failed or cancelled post re-schedules it (the original never could)
            p.status = PostStatus.SCHEDULED;
        }
        if (r.tiktokAccountId() != null) {
            p.tiktokAccountId = r.tiktokAccountId();
        }
        if (r.mode() != null) {
            try {
                p.mode = PostMode.valueOf(r.mode().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Problems.invalid("mode", in, "must be direct_post or inbox");
            }
        }
        if (r.privacyLevel() != null) {
            String level = r.privacyLevel().trim().toUpperCase(Locale.ROOT);
            if (!PRIVACY_LEVELS.contains(level)) {
                throw Problems.invalid("privacy_level", in, "must be one of " + PRIVACY_LEVELS);
            }
            p.privacyLevel = level;
        }
        if (r.allowComment() != null) {
            p.disableComment = !r.allowComment();
        }
        if (r.allowDuet() != null) {
            p.disableDuet = !r.allowDuet();
        }
        if (r.allowStitch() != null) {
            p.disableStitch = !r.allowStitch();
        }
        boolean brandedBefore = p.brandContentToggle;
        boolean organicBefore = p.brandOrganicToggle;
        if (r.brandContentToggle() != null) {
            p.brandContentToggle = r.brandContentToggle();
        }
        if (r.brandOrganicToggle() != null) {
            p.brandOrganicToggle = r.brandOrganicToggle();
        }
        Consent.apply(p, r.consentDeclaration(),
                p.brandContentToggle != brandedBefore || p.brandOrganicToggle != organicBefore, in, now);
        if (r.isAigc() != null) {
            p.aigc = r.isAigc();
        }
        if (r.videoCoverTimestampMs() != null) {
            if (r.videoCoverTimestampMs() < 0) {
                throw Problems.invalid("video_cover_timestamp_ms", in, "must not be negative");
            }
            p.videoCoverTimestampMs = r.videoCoverTimestampMs();
        }
        if (r.photoCoverIndex() != null) {
            if (r.photoCoverIndex() < 0) {
                throw Problems.invalid("photo_cover_index", in, "must not be negative");
            }
            p.photoCoverIndex = r.photoCoverIndex();
        }
        if (r.mediaIds() != null) {
            // before anything looks at the ids: a post never has more than TikTok's 35 photos
            if (r.mediaIds().size() > MAX_PHOTOS) {
                throw Problems.invalid("media_ids", in, "may hold at most " + MAX_PHOTOS
                        + " media (one video, or up to " + MAX_PHOTOS + " photos)");
            }
            if (r.mediaIds().stream().anyMatch(Objects::isNull)) {
                throw Problems.invalid("media_ids", in, "must not contain null");
            }
            List<Long> ids = new ArrayList<>(new LinkedHashSet<>(r.mediaIds()));
            if (ids.size() != r.mediaIds().size()) {
                throw Problems.invalid("media_ids", in, "contains duplicates");
            }
            return ids;
        }
        return currentMedia;
    }
}
