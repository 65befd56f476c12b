package io.tiktimer.post;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tiktimer.contracts.AccountStatus;
import io.tiktimer.contracts.GoldenFixtures;
import io.tiktimer.contracts.PostDue;
import io.tiktimer.devstack.testing.JwtResource;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import io.tiktimer.devstack.testing.S3Resource;
import io.tiktimer.servicekit.messaging.EventCodec;
import io.tiktimer.servicekit.messaging.OutboxRelay;
import io.tiktimer.post.dispatch.Dispatcher;
import io.tiktimer.post.dispatch.Sweeper;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dispatcher, outbox and relay against the real database and broker. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(value = S3Resource.class, initArgs = @ResourceArg(name = S3Resource.BUCKET_ARG, value = InfrastructureTest.BUCKET))
class DispatchTest {

    @Inject
    DataSource dataSource;
    @Inject
    EventCodec codec;
    @Inject
    Dispatcher dispatcher;
    @Inject
    OutboxRelay relay;
    @Inject
    Sweeper sweeper;

    @Test
    void aPostAppearsOnPostDueWithinOneSecondOfItsTimeAndEditsAndDeletesBeforeThatTakeEffect() throws Exception {
        long user = Fixtures.newId();
        long account = Fixtures.newId();
        Fixtures.announceAccount(dataSource, codec.mapper(), account, user, AccountStatus.CONNECTED);
        try (Fixtures.DueReader reader = new Fixtures.DueReader()) {
            Instant later = Instant.now().plusSeconds(60);
            long kept = Fixtures.createVideoPost(user, account, "original caption", later);
            long edited = Fixtures.createVideoPost(user, account, "before edit", later);
            long deleted = Fixtures.createVideoPost(user, account, "to be deleted", Instant.now().plusSeconds(3));
            // setup (uploads) takes a variable time on a busy machine, so the 2 s start from here
            Instant at = Instant.now().plusSeconds(2);
            given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON)
                    .body(Map.of("scheduled_time", at.toString()))
                    .when().patch("/posts/" + kept).then().statusCode(200);
            given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON)
                    .body(Map.of("content", "after edit", "privacy_level", "MUTUAL_FOLLOW_FRIENDS", "scheduled_time", at.toString()))
                    .when().patch("/posts/" + edited).then().statusCode(200);
            given().auth().oauth2(Fixtures.token(user)).when().delete("/posts/" + deleted).then().statusCode(204);

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).until(() -> {
                reader.poll();
                return reader.forPosts(Set.of(kept, edited)).size() == 2;
            });
            for (int i = 0; i < reader.records.size(); i++) {
                JsonNode n = Fixtures.JSON.readTree(reader.records.get(i).value());
                if (Set.of(kept, edited).contains(n.get("postId").asLong())) {
                    long lateMs = reader.receivedAtMillis.get(i) - at.toEpochMilli();
                    assertThat(lateMs).as("ms from scheduled_time to the record on post.due").isBetween(0L, 1000L);
                    assertThat(reader.records.get(i).key()).isEqualTo(Long.toString(account));
                }
            }
            JsonNode editedEvent = reader.forPosts(Set.of(edited)).get(0);
            assertThat(editedEvent.get("content").asText()).isEqualTo("after edit");
            assertThat(editedEvent.get("privacyLevel").asText()).isEqualTo("MUTUAL_FOLLOW_FRIENDS");
            JsonNode keptEvent = reader.forPosts(Set.of(kept)).get(0);
            assertThat(keptEvent.get("attempt").asInt()).isEqualTo(1);
            assertThat(keptEvent.get("media").get(0).get("key").asText()).startsWith("users/" + user + "/media/");
            assertThat(keptEvent.get("media").get(0).get("sha256").asText()).hasSize(64);
            assertThat(keptEvent.get("media").get(0).get("durationSeconds").asDouble()).isEqualTo(10.0);
            // give the deleted post (due 3 s after creation) every chance to show up
            long until = System.currentTimeMillis() + 1500;
            while (System.currentTimeMillis() < until) {
                reader.poll();
            }
            assertThat(reader.forPosts(Set.of(deleted))).isEmpty();
            assertThat(Fixtures.queryString(dataSource, "select status from post.post where id = " + kept)).isEqualTo("queued");
        }
    }

    @Test
    void postDueContinuesTheTraceOfTheRequestThatLastScheduledThePost() throws Exception {
        long user = Fixtures.newId();
        long account = Fixtures.newId();
        Fixtures.announceAccount(dataSource, codec.mapper(), account, user, AccountStatus.CONNECTED);
        String created = UUID.randomUUID().toString().replace("-", "");
        String rescheduled = UUID.randomUUID().toString().replace("-", "");
        try (Fixtures.DueReader reader = new Fixtures.DueReader()) {
            long mediaId = Fixtures.uploadVideo(user, TestMedia.mp4(10, 1080, 1920, 30));
            long post = given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON)
                    .header("traceparent", "00-" + created + "-00f067aa0ba902b7-01")
                    .body(Map.of("content", "traced", "scheduled_time", Instant.now().plusSeconds(60).toString(),
                            "tiktok_account_id", account, "media_ids", List.of(mediaId), "privacy_level", "SELF_ONLY"))
                    .when().post("/posts").then().statusCode(201).extract().jsonPath().getLong("id");
            given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON)
                    .header("traceparent", "00-" + rescheduled + "-00f067aa0ba902b7-01")
                    .body(Map.of("scheduled_time", Instant.now().plusSeconds(1).toString()))
                    .when().patch("/posts/" + post).then().statusCode(200);

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> {
                reader.poll();
                return reader.forPosts(Set.of(post)).size() == 1;
            });
            ConsumerRecord<String, String> due = reader.records.stream()
                    .filter(r -> postIdOf(r) == post).findFirst().orElseThrow();
            assertThat(due.headers().lastHeader("traceparent")).as("post.due carries a trace header").isNotNull();
            assertThat(new String(due.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                    .as("the reschedule's trace, in the relay's own span").matches("00-" + rescheduled + "-[0-9a-f]{16}-01");
        }
    }

    private static long postIdOf(ConsumerRecord<String, String> record) {
        try {
            return Fixtures.JSON.readTree(record.value()).path("postId").asLong();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void postDueOnTheWireHasTheGoldenFixturesShape() throws Exception {
        PostDue golden = codec.read(GoldenFixtures.read(GoldenFixtures.POST_DUE_V1), PostDue.class);
        JsonNode written = Fixtures.JSON.readTree(codec.write(golden));
        JsonNode expected = Fixtures.JSON.readTree(GoldenFixtures.read(GoldenFixtures.POST_DUE_V1));
        assertThat(written).isEqualTo(expected);
    }

    @Test
    void twoDispatchersOnOneDatabaseDispatchFiveThousandDuePostsExactlyOnce() throws Exception {
        long user = Fixtures.newId();
        long account = Fixtures.newId();
        Fixtures.announceAccount(dataSource, codec.mapper(), account, user, AccountStatus.CONNECTED);
        long media = Fixtures.uploadVideo(user, TestMedia.mp4(10, 1080, 1920, 30));
        try (Fixtures.DueReader reader = new Fixtures.DueReader()) {
            // 5,000 rows due at the same instant, inserted in one statement so they become due together
            Fixtures.execute(dataSource, "with ins as (insert into post.post (user_id, content, scheduled_time, platform, "
                    + "status, tiktok_account_id, mode, media_type, privacy_level, disable_comment, disable_duet, "
                    + "disable_stitch, brand_content_toggle, brand_organic_toggle, is_aigc, due_at) "
                    + "select " + user + ", 'bulk ' || g, now() + interval '1 second', 'tiktok', 'scheduled', " + account
                    + ", 'DIRECT_POST', 'VIDEO', 'SELF_ONLY', true, true, true, false, false, false, now() + interval '1 second' "
                    + "from generate_series(1, 5000) g returning id) "
                    + "insert into post.post_media (post_id, position, media_id) select id, 0, " + media + " from ins");
            // two more dispatchers besides the service's own loop, racing on the same rows
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Callable<Integer> instance = () -> {
                int total = 0;
                long end = System.currentTimeMillis() + 10_000;
                while (System.currentTimeMillis() < end) {
                    int n = dispatcher.dispatchOnce(250);
                    total += n;
                    if (n == 0 && Fixtures.queryLong(dataSource, "select count(*) from post.post where user_id = " + user
                            + " and status = 'scheduled'") == 0) {
                        break;
                    }
                }
                return total;
            };
            List<Future<Integer>> results = List.of(pool.submit(instance), pool.submit(instance));
            for (Future<Integer> f : results) {
                f.get();
            }
            pool.shutdown();
            Set<Long> ids = new TreeSet<>();
            try (var c = dataSource.getConnection(); var rs = c.createStatement().executeQuery(
                    "select id from post.post where user_id = " + user)) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            assertThat(ids).hasSize(5000);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                reader.poll();
                return reader.forPosts(ids).size() >= 5000;
            });
            long until = System.currentTimeMillis() + 1000;
            while (System.currentTimeMillis() < until) {
                reader.poll();
            }
            Map<Long, Long> perPost = reader.forPosts(ids).stream()
                    .collect(Collectors.groupingBy(n -> n.get("postId").asLong(), Collectors.counting()));
            assertThat(perPost).hasSize(5000);
            assertThat(perPost.values()).allMatch(count -> count == 1);
            assertThat(Fixtures.queryLong(dataSource, "select count(*) from post.post where user_id = " + user
                    + " and status = 'queued' and attempt = 1")).isEqualTo(5000);
        }
    }

    @Test
    void aRelayThatDiesBetweenClaimAndSendLosesNothingAndItsDuplicatesCarryTheSameEventId() throws Exception {
        long user = Fixtures.newId();
        long account = Fixtures.newId();
        Fixtures.announceAccount(dataSource, codec.mapper(), account, user, AccountStatus.CONNECTED);
        try (Fixtures.DueReader reader = new Fixtures.DueReader()) {
            relay.stop(); // the process "dies" after claims commit and before anything is sent
            long id;
            try {
                id = Fixtures.createVideoPost(user, account, "survives a crash", Instant.now().plusMillis(300));
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        "queued".equals(Fixtures.queryString(dataSource, "select status from post.post where id = " + id)));
                String eventId = Fixtures.queryString(dataSource,
                        "select id from post.outbox_event where payload->>'postId' = '" + id + "'");
                assertThat(eventId).as("post.due waits in the outbox").isNotNull();
                long polledUntil = System.currentTimeMillis() + 500;
                while (System.currentTimeMillis() < polledUntil) {
                    reader.poll();
                }
                assertThat(reader.forPosts(Set.of(id))).isEmpty();
                // the dead relay had in fact sent the record before dying without deleting the row
                String payload = Fixtures.queryString(dataSource,
                        "select payload::text from post.outbox_event where id = '" + eventId + "'");
                Fixtures.send("post.due", Long.toString(account), payload);
            } finally {
                relay.start(); // restart: the outbox is published
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                reader.poll();
                return reader.forPosts(Set.of(id)).size() == 2;
            });
            List<JsonNode> copies = reader.forPosts(Set.of(id));
            assertThat(copies.get(0).get("eventId")).isEqualTo(copies.get(1).get("eventId"));
            await().atMost(Duration.ofSeconds(5)).until(() -> Fixtures.queryLong(dataSource,
                    "select count(*) from post.outbox_event where payload->>'postId' = '" + id + "'") == 0);
        }
    }

    @Test
    void overduePostsAreDispatchedOnRecoveryAndStuckOnesAreReconciled() throws Exception {
        long user = Fixtures.newId();
        long account = Fixtures.newId();
        Fixtures.announceAccount(dataSource, codec.mapper(), account, user, AccountStatus.CONNECTED);
        long overdue = Fixtures.createVideoPost(user, account, "overdue", Instant.now().plusSeconds(3600));
        long stuckQueued = Fixtures.createVideoPost(user, account, "stuck queued", Instant.now().plusSeconds(3600));
        long stuckPublishing = Fixtures.createVideoPost(user, account, "stuck publishing", Instant.now().plusSeconds(3600));
        try (Fixtures.DueReader reader = new Fixtures.DueReader()) {
            // as if the service had been down for an hour when this post came due
            Fixtures.execute(dataSource, "update post.post set due_at = now() - interval '1 hour' where id = " + overdue);
            Fixtures.execute(dataSource, "update post.post set status = 'queued', attempt = 1, queued_at = now() - interval '1 day' where id = " + stuckQueued);
            Fixtures.execute(dataSource, "update post.post set status = 'publishing', attempt = 1, publish_id = 'v_pub_file~x', "
                    + "publishing_at = now() - interval '1 day' where id = " + stuckPublishing);
            // no wake-up: the dispatcher's own poll must find the overdue row, as after a restart
            assertThat(sweeper.redriveStuckQueued()).isGreaterThanOrEqualTo(1);
            assertThat(sweeper.markStuckPublishingUnconfirmed()).isGreaterThanOrEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                reader.poll();
                return reader.forPosts(Set.of(overdue, stuckQueued)).size() == 2;
            });
            // the re-driven command is the same attempt: publisher-worker recognises it if it had seen the first
            assertThat(reader.forPosts(Set.of(stuckQueued)).get(0).get("attempt").asInt()).isEqualTo(1);
            assertThat(reader.forPosts(Set.of(stuckPublishing))).isEmpty();
            assertThat(Fixtures.queryString(dataSource, "select status from post.post where id = " + stuckPublishing))
                    .isEqualTo("unconfirmed");
        }
    }
}
