package io.tiktimer.post.messaging;

import io.tiktimer.contracts.Event;
import io.tiktimer.contracts.MediaRef;
import io.tiktimer.contracts.MediaType;
import io.tiktimer.contracts.PostDue;
import io.tiktimer.contracts.PostMode;
import io.tiktimer.contracts.Topics;
import io.tiktimer.post.mapping.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns claimed post rows into {@code post.due} events and writes them to the outbox on the caller's connection, so
 * they commit or roll back together with the status change. Plain JDBC: one round trip for the media of a whole
 * batch and one multi-row insert, which is what makes a 100k-post burst cheap.
 */
@ApplicationScoped
public class OutboxWriter {

    /** Columns a claim's {@code returning} clause must produce, in this order. */
    public static final String POST_COLUMNS = "p.id, p.user_id, p.attempt, p.tiktok_account_id, p.scheduled_time, p.mode, "
            + "p.media_type, p.title, p.content, p.privacy_level, p.disable_comment, p.disable_duet, p.disable_stitch, "
            + "p.brand_content_toggle, p.brand_organic_toggle, p.is_aigc, p.video_cover_timestamp_ms, p.photo_cover_index";

    private final EventCodec codec;

    public OutboxWriter(EventCodec codec) {
        this.codec = codec;
    }

    /** A claimed row, before its media are attached. */
    public record Claimed(long postId, long userId, int attempt, Long accountId, Timestamp scheduledTime, String mode,
                          String mediaType, String title, String content, String privacyLevel, boolean disableComment,
                          boolean disableDuet, boolean disableStitch, boolean brandContent, boolean brandOrganic,
                          boolean aigc, Integer coverMs, Integer photoCover) {
    }

    public static Claimed readClaimed(ResultSet rs) throws SQLException {
        return new Claimed(rs.getLong(1), rs.getLong(2), rs.getInt(3), (Long) rs.getObject(4), rs.getTimestamp(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getBoolean(11),
                rs.getBoolean(12), rs.getBoolean(13), rs.getBoolean(14), rs.getBoolean(15), rs.getBoolean(16),
                (Integer) rs.getObject(17), (Integer) rs.getObject(18));
    }

    /**
     * Writes {@code post.due} for every claimed row that can be published and returns the ids of those that cannot
     * (no TikTok account or no media: only possible for posts created through the original JSON API), which the
     * caller fails instead.
     */
    public List<Long> enqueue(Connection c, List<Claimed> claimed) throws SQLException {
        if (claimed.isEmpty()) {
            return List.of();
        }
        Map<Long, List<MediaRef>> media = mediaOf(c, claimed);
        List<Event> events = new ArrayList<>(claimed.size());
        List<Long> incomplete = new ArrayList<>();
        for (Claimed p : claimed) {
            List<MediaRef> refs = media.getOrDefault(p.postId(), List.of());
            if (p.accountId() == null || refs.isEmpty() || p.mediaType() == null) {
                incomplete.add(p.postId());
                continue;
            }
            events.add(PostDue.of(p.postId(), p.userId(), p.attempt(), p.accountId(), p.scheduledTime().toInstant(),
                    PostMode.valueOf(p.mode()), MediaType.valueOf(p.mediaType()), p.title(), p.content(),
                    p.privacyLevel(), p.disableComment(), p.disableDuet(), p.disableStitch(), p.brandContent(),
                    p.brandOrganic(), p.aigc(), p.coverMs(), p.photoCover(), refs));
        }
        insert(c, Topics.POST_DUE, events);
        return incomplete;
    }

    public void insert(Connection c, String topic, List<? extends Event> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        UUID[] ids = new UUID[events.size()];
        String[] keys = new String[events.size()];
        String[] payloads = new String[events.size()];
        for (int i = 0; i < ids.length; i++) {
            Event e = events.get(i);
            ids[i] = e.eventId();
            keys[i] = e.kafkaKey();
            payloads[i] = codec.write(e);
        }
        try (PreparedStatement ps = c.prepareStatement("insert into outbox_event (id, topic, kafka_key, payload) "
                + "select u.id, ?, u.k, u.p::jsonb from unnest(?::uuid[], ?::text[], ?::text[]) as u(id, k, p)")) {
            Array idArray = c.createArrayOf("uuid", ids);
            Array keyArray = c.createArrayOf("text", keys);
            Array payloadArray = c.createArrayOf("text", payloads);
            ps.setString(1, topic);
            ps.setArray(2, idArray);
            ps.setArray(3, keyArray);
            ps.setArray(4, payloadArray);
            ps.executeUpdate();
        }
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
                    result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new MediaRef(rs.getLong(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7),
                            (Double) rs.getObject(8)));
                }
            }
        }
        return result;
    }
}
