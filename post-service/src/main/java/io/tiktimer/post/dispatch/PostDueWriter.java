package io.tiktimer.post.dispatch;

import io.tiktimer.contracts.MediaRef;
import io.tiktimer.contracts.MediaType;
import io.tiktimer.contracts.PostDue;
import io.tiktimer.contracts.PostMode;
import io.tiktimer.servicekit.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns claimed post rows into {@code post.due} events and writes them to the outbox on the caller's connection, so
 * they commit or roll back together with the status change. Plain JDBC: one round trip for the media of a whole
 * batch and one multi-row insert, which is what makes a 100k-post burst cheap.
 */
@ApplicationScoped
public class PostDueWriter {

    /** What a claim's {@code returning} clause must produce; {@link ClaimedRows} reads these columns by name. */
    static final String POST_COLUMNS = "p.id, p.user_id, p.attempt, p.tiktok_account_id, p.scheduled_time, p.mode, "
            + "p.media_type, p.title, p.content, p.privacy_level, p.disable_comment, p.disable_duet, p.disable_stitch, "
            + "p.brand_content_toggle, p.brand_organic_toggle, p.is_aigc, p.video_cover_timestamp_ms, p.photo_cover_index, "
            + "p.due_at, p.traceparent";

    private final Outbox outbox;

    public PostDueWriter(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A claimed row, before its media are attached. */
    record Claimed(long postId, long userId, int attempt, Long accountId, Timestamp scheduledTime, String mode,
                   String mediaType, String title, String content, String privacyLevel, boolean disableComment,
                   boolean disableDuet, boolean disableStitch, boolean brandContent, boolean brandOrganic,
                   boolean aigc, Integer coverMs, Integer photoCover, Timestamp dueAt, String traceparent) {
    }

    /**
     * Reads claimed rows by column name, each name resolved once per result set (not once per row: a burst reads
     * 100,000 rows of 20 columns).
     */
    static final class ClaimedRows {
        private final int id;
        private final int userId;
        private final int attempt;
        private final int accountId;
        private final int scheduledTime;
        private final int mode;
        private final int mediaType;
        private final int title;
        private final int content;
        private final int privacyLevel;
        private final int disableComment;
        private final int disableDuet;
        private final int disableStitch;
        private final int brandContent;
        private final int brandOrganic;
        private final int aigc;
        private final int coverMs;
        private final int photoCover;
        private final int dueAt;
        private final int traceparent;

        ClaimedRows(ResultSet rs) throws SQLException {
            id = rs.findColumn("id");
            userId = rs.findColumn("user_id");
            attempt = rs.findColumn("attempt");
            accountId = rs.findColumn("tiktok_account_id");
            scheduledTime = rs.findColumn("scheduled_time");
            mode = rs.findColumn("mode");
            mediaType = rs.findColumn("media_type");
            title = rs.findColumn("title");
            content = rs.findColumn("content");
            privacyLevel = rs.findColumn("privacy_level");
            disableComment = rs.findColumn("disable_comment");
            disableDuet = rs.findColumn("disable_duet");
            disableStitch = rs.findColumn("disable_stitch");
            brandContent = rs.findColumn("brand_content_toggle");
            brandOrganic = rs.findColumn("brand_organic_toggle");
            aigc = rs.findColumn("is_aigc");
            coverMs = rs.findColumn("video_cover_timestamp_ms");
            photoCover = rs.findColumn("photo_cover_index");
            dueAt = rs.findColumn("due_at");
            traceparent = rs.findColumn("traceparent");
        }

        Claimed read(ResultSet rs) throws SQLException {
            return new Claimed(rs.getLong(id), rs.getLong(userId), rs.getInt(attempt),
                    rs.getObject(accountId, Long.class), rs.getTimestamp(scheduledTime), rs.getString(mode),
                    rs.getString(mediaType), rs.getString(title), rs.getString(content), rs.getString(privacyLevel),
                    rs.getBoolean(disableComment), rs.getBoolean(disableDuet), rs.getBoolean(disableStitch),
                    rs.getBoolean(brandContent), rs.getBoolean(brandOrganic), rs.getBoolean(aigc),
                    rs.getObject(coverMs, Integer.class), rs.getObject(photoCover, Integer.class),
                    rs.getTimestamp(dueAt), rs.getString(traceparent));
        }
    }

    /**
     * Writes {@code post.due} for every claimed row that can be published and returns the ids of those that cannot
     * (no TikTok account or no media: only possible for posts created through the original JSON API), which the
     * caller fails instead.
     */
    List<Long> enqueue(Connection c, List<Claimed> claimed) throws SQLException {
        if (claimed.isEmpty()) {
            return List.of();
        }
        Map<Long, List<MediaRef>> media = mediaOf(c, claimed);
        List<Outbox.Traced> events = new ArrayList<>(claimed.size());
        List<Long> incomplete = new ArrayList<>();
        for (Claimed p : claimed) {
            List<MediaRef> refs = media.getOrDefault(p.postId(), List.of());
            if (p.accountId() == null || refs.isEmpty() || p.mediaType() == null) {
                incomplete.add(p.postId());
                continue;
            }
            PostDue due = PostDue.of(p.postId(), p.userId(), p.attempt(), p.accountId(), p.scheduledTime().toInstant(),
                    PostMode.valueOf(p.mode()), MediaType.valueOf(p.mediaType()), p.title(), p.content(),
                    p.privacyLevel(), p.disableComment(), p.disableDuet(), p.disableStitch(), p.brandContent(),
                    p.brandOrganic(), p.aigc(), p.coverMs(), p.photoCover(), refs);
            // the post's own trace, begun by the request that scheduled it: the send and the worker continue it
            events.add(new Outbox.Traced(due, p.traceparent()));
        }
        outbox.append(c, events);
        return incomplete;
    }

    private static Map<Long, List<MediaRef>> mediaOf(Connection c, List<Claimed> claimed) throws SQLException {
        Long[] ids = claimed.stream().map(Claimed::postId).toArray(Long[]::new);
        Map<Long, List<MediaRef>> result = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select pm.post_id, m.id, m.bucket, m.s3_key, m.content_type, "
                + "m.size_bytes, m.sha256, m.duration_seconds from post_media pm join media m on m.id = pm.media_id "
                + "where pm.post_id = any(?) and m.status = 'READY' order by pm.post_id, pm.position")) {
            ps.setArray(1, c.createArrayOf("bigint", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getLong("post_id"), k -> new ArrayList<>()).add(new MediaRef(
                            rs.getLong("id"), rs.getString("bucket"), rs.getString("s3_key"),
                            rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                            rs.getObject("duration_seconds", Double.class)));
                }
            }
        }
        return result;
    }
}
