package io.tiktimer.chaos;

import io.tiktimer.sandbox.InitCall;
import io.tiktimer.sandbox.PublicationSnapshot;
import io.tiktimer.sandbox.ReceivedUpload;
import io.tiktimer.sandbox.TikTokSandbox;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the verdict is judged on, read once the run has drained: TikTok's own records (the sandbox: every accepted
 * init, every publication and every upload's bytes), the rows in the database, and the dead-letter topics. Nothing
 * here comes from a service's answer.
 */
record Evidence(List<InitCall> acceptedInits, Map<String, PublicationSnapshot> publications,
                Map<String, List<ReceivedUpload>> uploads, Map<Long, PostRow> rows,
                Map<Long, List<AttemptRow>> attempts, Map<String, Long> deadLetters) {

    /** A row of post-service's {@code post} table. */
    record PostRow(long id, String content, String title, String status, String errorCode, String publishId) {
    }

    /** A row of publisher-worker's {@code publish_attempt} table. */
    record AttemptRow(long postId, int attempt, String state, String publishId, String errorCode,
                      Boolean outcomeUnknown) {
    }

    static Evidence gather(TikTokSandbox sandbox, String jdbcUrl, String kafka, List<Long> postIds)
            throws SQLException {
        List<InitCall> inits = sandbox.initCalls().stream().filter(InitCall::accepted).toList();
        Map<String, PublicationSnapshot> publications = new HashMap<>();
        sandbox.publications().forEach(p -> publications.put(p.publishId(), p));
        Map<String, List<ReceivedUpload>> uploads = new HashMap<>();
        sandbox.receivedUploads().forEach(u -> uploads.computeIfAbsent(u.publishId(), k -> new ArrayList<>()).add(u));
        return new Evidence(inits, publications, uploads, rows(jdbcUrl, postIds), attempts(jdbcUrl, postIds),
                deadLetters(kafka));
    }

    /** The posts' current rows; a post missing from the result has no row. */
    static Map<Long, PostRow> rows(String jdbcUrl, List<Long> postIds) throws SQLException {
        Map<Long, PostRow> rows = new HashMap<>();
        try (Connection c = connect(jdbcUrl);
             PreparedStatement ps = c.prepareStatement("select id, content, title, status, error_code, publish_id "
                     + "from post.post where id = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", postIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), new PostRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        return rows;
    }

    private static Map<Long, List<AttemptRow>> attempts(String jdbcUrl, List<Long> postIds) throws SQLException {
        Map<Long, List<AttemptRow>> attempts = new HashMap<>();
        try (Connection c = connect(jdbcUrl);
             PreparedStatement ps = c.prepareStatement("select post_id, attempt, state, publish_id, error_code, "
                     + "outcome_unknown from publisher.publish_attempt where post_id = any(?) order by attempt")) {
            ps.setArray(1, c.createArrayOf("bigint", postIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    attempts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new AttemptRow(rs.getLong(1),
                            rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            (Boolean) rs.getObject(6)));
                }
            }
        }
        return attempts;
    }

    /**
     * Where a post that did not finish stands, for the engineer reading a failed run: its row's attempt and times,
     * every publish attempt publisher-worker has for it (state, lease, next run) and the events still waiting in
     * either service's outbox. Read straight from the database, as the verdict is.
     */
    static List<String> whereItStands(String jdbcUrl, long postId) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = connect(jdbcUrl)) {
            query(c, lines, "post row", "select status, attempt, due_at, queued_at, publishing_at, updated_at "
                    + "from post.post where id = ?", postId);
            query(c, lines, "publish attempt", "select attempt, state, next_run_at, lease_owner, lease_until, "
                    + "publish_id, error_code, created_at, updated_at from publisher.publish_attempt where post_id = ? "
                    + "order by attempt", postId);
            query(c, lines, "post-service outbox", "select topic, payload->>'attempt', created_at "
                    + "from post.outbox_event where payload->>'postId' = ?::text", postId);
            query(c, lines, "publisher-worker outbox", "select topic, payload->>'attempt', created_at "
                    + "from publisher.outbox_event where payload->>'postId' = ?::text", postId);
        }
        return lines;
    }

    private static void query(Connection c, List<String> lines, String what, String sql, long postId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, postId);
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                boolean any = false;
                while (rs.next()) {
                    any = true;
                    StringBuilder line = new StringBuilder(what).append(':');
                    for (int i = 1; i <= columns; i++) {
                        line.append(' ').append(rs.getMetaData().getColumnLabel(i)).append('=').append(rs.getString(i));
                    }
                    lines.add(line.toString());
                }
                if (!any) {
                    lines.add(what + ": none");
                }
            }
        }
    }

    private static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }

    /** Records waiting in each {@code *.dlq} topic (end offset minus beginning offset, over all partitions). */
    private static Map<String, Long> deadLetters(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Map<String, Long> counts = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics(Duration.ofSeconds(30)).forEach((topic, infos) -> {
                if (topic.endsWith(".dlq")) {
                    counts.put(topic, 0L);
                    infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
                }
            });
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
            consumer.endOffsets(partitions, Duration.ofSeconds(30)).forEach((tp, end) ->
                    counts.merge(tp.topic(), end - begin.get(tp), Long::sum));
        }
        return counts;
    }
}
