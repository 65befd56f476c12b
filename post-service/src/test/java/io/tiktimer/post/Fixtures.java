package io.tiktimer.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.tiktimer.contracts.AccountStatus;
import io.tiktimer.contracts.Event;
import io.tiktimer.contracts.TikTokAccountChanged;
import io.tiktimer.devstack.testing.JwtResource;
import io.tiktimer.devstack.testing.KafkaResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Shared helpers: users, tokens, TikTok accounts announced over the real broker, a post.due reader. */
final class Fixtures {

    /** Ids unique across test classes in one JVM, so tests never see each other's rows. */
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private static KafkaProducer<String, String> producer;

    private Fixtures() {
    }

    static long newId() {
        return IDS.incrementAndGet();
    }

    static String token(long userId) {
        return JwtResource.issuer().userToken(userId, "user" + userId);
    }

    static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    static void send(String topic, String key, String json) {
        try {
            producer().send(new ProducerRecord<>(topic, key, json)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void send(String topic, Event event, ObjectMapper mapper) {
        try {
            send(topic, event.kafkaKey(), mapper.writeValueAsString(event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What tiktok-service does when a user connects an account; waits until post-service has applied it. */
    static void announceAccount(DataSource ds, ObjectMapper eventJson, long accountId, long userId, AccountStatus status) {
        TikTokAccountChanged event = TikTokAccountChanged.of(accountId, userId, "open-" + accountId, "Creator " + userId,
                "creator" + userId, status, List.of("user.info.basic", "video.publish", "video.upload"));
        send(io.tiktimer.contracts.Topics.TIKTOK_ACCOUNT, event, eventJson);
        await().atMost(Duration.ofSeconds(30)).until(() -> status.name().equals(
                queryString(ds, "select status from post.tiktok_account where id = " + accountId)));
    }

    static String queryString(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static long queryLong(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void execute(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        }
    }

    static long uploadVideo(long userId, byte[] bytes) {
        return given().auth().oauth2(token(userId)).contentType("video/mp4").body(bytes)
                .when().post("/media").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Creates a scheduled direct post with a fresh video for a user who has a connected account. */
    static long createVideoPost(long userId, long accountId, String content, java.time.Instant at) {
        long mediaId = uploadVideo(userId, TestMedia.mp4(10, 1080, 1920, 30));
        return given().auth().oauth2(token(userId)).contentType(ContentType.JSON)
                .body(Map.of("content", content, "scheduled_time", at.toString(), "tiktok_account_id", accountId,
                        "media_ids", List.of(mediaId), "privacy_level", "SELF_ONLY"))
                .when().post("/posts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Every record value on a topic so far, read from the beginning (none if the topic does not exist yet). */
    static List<String> allValues(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.listTopics().getOrDefault(topic, List.of())
                    .stream().map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> values = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 10_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }

    /** Reads post.due from the end of the topic as it is when created. */
    static final class DueReader implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        final List<ConsumerRecord<String, String>> records = new ArrayList<>();
        final List<Long> receivedAtMillis = new ArrayList<>();

        DueReader() {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of(io.tiktimer.contracts.Topics.POST_DUE));
            // join the group and fix the start position before the test produces anything
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100));
                return !consumer.assignment().isEmpty();
            });
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
        }

        void poll() {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                records.add(r);
                receivedAtMillis.add(System.currentTimeMillis());
            }
        }

        List<JsonNode> forPosts(java.util.Collection<Long> postIds) {
            List<JsonNode> out = new ArrayList<>();
            for (ConsumerRecord<String, String> r : records) {
                try {
                    JsonNode n = JSON.readTree(r.value());
                    if (postIds.contains(n.get("postId").asLong())) {
                        out.add(n);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
