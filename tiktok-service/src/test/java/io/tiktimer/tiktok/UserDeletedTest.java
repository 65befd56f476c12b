package io.tiktimer.tiktok;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tiktimer.contracts.AccountStatus;
import io.tiktimer.contracts.GoldenFixtures;
import io.tiktimer.contracts.Topics;
import io.tiktimer.contracts.UserDeleted;
import io.tiktimer.devstack.testing.JwtResource;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import io.tiktimer.sandbox.testing.TikTokSandboxResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tiktimer.tiktok.TestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** user.deleted from the real topic: revoke at TikTok, erase, exactly once; poison messages dead-lettered. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(value = TikTokSandboxResource.class,
        initArgs = @ResourceArg(name = "redirect-uri", value = TestSupport.REDIRECT_URI))
class UserDeletedTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "mp.messaging.incoming.user-deleted-in.dead-letter-queue.topic")
    String deadLetterTopic;

    /** A connect that was already under way when the account was deleted must not leave TikTok tokens behind. */
    @Test
    void anAccountConnectedAfterTheDeletionIsErasedToo() throws Exception {
        long userId = newUserId();
        UserDeleted event = UserDeleted.of(userId);
        send(Topics.USER_DELETED, event.kafkaKey(), JSON.writeValueAsString(event));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from tiktok.deleted_user "
                + "where user_id = " + userId) == 1);

        long late = connect(userId, newCreator("late" + userId));

        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from tiktok.tiktok_account "
                + "where id = " + late) == 0);
    }

    @Test
    void deletedUsersAccountsAreRevokedAndErasedOnce() throws Exception {
        long userId = newUserId();
        long keptUser = newUserId();
        long first = connect(userId, newCreator("gone1" + userId));
        long second = connect(userId, newCreator("gone2" + userId));
        long kept = connect(keptUser, newCreator("kept" + keptUser));
        String token = accessToken(first, userId).then().statusCode(200).extract().path("accessToken");

        UserDeleted event = UserDeleted.of(userId);
        String payload = JSON.writeValueAsString(event);
        send(Topics.USER_DELETED, event.kafkaKey(), payload);
        send(Topics.USER_DELETED, event.kafkaKey(), payload); // at-least-once delivery: a duplicate

        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from tiktok.tiktok_account "
                + "where user_id = " + userId) == 0);
        assertThat(creatorInfoStatusAtTikTok(token)).isEqualTo(401);
        assertThat(awaitAccountEvents(e -> e.userId() == userId && e.status() == AccountStatus.DISCONNECTED, 2))
                .extracting(e -> e.accountId()).containsExactlyInAnyOrder(first, second);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from tiktok.consumed_event "
                + "where event_id = '" + event.eventId() + "'") == 1);
        accessToken(kept, keptUser).then().statusCode(200);
    }

    @Test
    void readsTheGoldenFixture() throws Exception {
        UserDeleted golden = JSON.readValue(GoldenFixtures.read(GoldenFixtures.USER_DELETED_V1), UserDeleted.class);
        assertThat(golden.type()).isEqualTo(UserDeleted.TYPE);
        assertThat(golden.userId()).isEqualTo(7);
    }

    @Test
    void unreadableMessagesGoToThisGroupsDeadLetterTopic() throws Exception {
        assertThat(deadLetterTopic).isEqualTo(Topics.deadLetterOf(Topics.USER_DELETED, "tiktok-service"));
        String poison = "{\"not\": \"a user.deleted event\" " + UUID.randomUUID();
        send(Topics.USER_DELETED, "poison", poison);
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(deadLetterTopic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!seen.contains(poison) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
            }
        }
        assertThat(seen).contains(poison);
    }

    private static void send(String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
