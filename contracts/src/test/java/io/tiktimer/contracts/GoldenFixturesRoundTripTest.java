package io.tiktimer.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every golden fixture must survive read-then-write unchanged: a field renamed or retyped in a record breaks this test
 * before it breaks a consumer in production.
 */
class GoldenFixturesRoundTripTest {

    /** Configured as Quarkus configures its ObjectMapper: ISO-8601 instants, unknown properties tolerated. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of(GoldenFixtures.POST_DUE_V1, PostDue.class, PostDue.TYPE),
                Arguments.of(GoldenFixtures.POST_PUBLISHING_V1, PostPublishing.class, PostPublishing.TYPE),
                Arguments.of(GoldenFixtures.POST_PUBLISHED_V1, PostPublished.class, PostPublished.TYPE),
                Arguments.of(GoldenFixtures.POST_FAILED_V1, PostFailed.class, PostFailed.TYPE),
                Arguments.of(GoldenFixtures.USER_DELETED_V1, UserDeleted.class, UserDeleted.TYPE),
                Arguments.of(GoldenFixtures.TIKTOK_ACCOUNT_CHANGED_V1, TikTokAccountChanged.class,
                        TikTokAccountChanged.TYPE),
                Arguments.of(GoldenFixtures.SESSIONS_REVOKED_V1, SessionsRevoked.class, SessionsRevoked.TYPE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureDeserializesAndSerializesBackToTheSameJson(String fixture, Class<? extends Event> type, String eventType)
            throws Exception {
        String json = GoldenFixtures.read(fixture);

        Event event = MAPPER.readValue(json, type);
        // Re-parse the written text so numbers compare by value, not by the node class Jackson picked.
        JsonNode written = MAPPER.readTree(MAPPER.writeValueAsString(event));

        assertThat(event.type()).isEqualTo(eventType);
        assertThat(event.version()).isEqualTo(1);
        assertThat(written).isEqualTo(MAPPER.readTree(json));
        assertThat(written.has("kafkaKey")).as("the Kafka key is not part of the payload").isFalse();
        assertThat(written.has("topic")).as("the topic is not part of the payload").isFalse();
        assertThat(EventTypes.byType(eventType)).get().extracting(EventTypes.Descriptor::recordClass).isEqualTo(type);
        assertThat(EventTypes.of(type).version()).isEqualTo(event.version());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void unknownFieldsFromANewerProducerAreIgnored(String fixture, Class<? extends Event> type, String eventType)
            throws Exception {
        ObjectNode newer = (ObjectNode) MAPPER.readTree(GoldenFixtures.read(fixture));
        newer.put("addedInVersion2", "something a v1 consumer does not know");
        newer.putObject("nested").put("also", true);

        Event event = MAPPER.treeToValue(newer, type);

        assertThat(event.eventId()).isNotNull();
        assertThat(MAPPER.valueToTree(event).has("addedInVersion2")).isFalse();
    }

    @Test
    void postDueIsKeyedByTikTokAccountSoOneConsumerOwnsAnAccountsRateLimit() throws Exception {
        PostDue due = MAPPER.readValue(GoldenFixtures.read(GoldenFixtures.POST_DUE_V1), PostDue.class);

        assertThat(due.kafkaKey()).isEqualTo("3");
        assertThat(due.media()).singleElement()
                .satisfies(m -> assertThat(m.sizeBytes()).isEqualTo(50_000_123L));
    }

    @Test
    void outcomeEventsAreKeyedByPostSoOnePostsEventsStayInOrder() throws Exception {
        PostPublished published = MAPPER.readValue(GoldenFixtures.read(GoldenFixtures.POST_PUBLISHED_V1),
                PostPublished.class);
        PostFailed failed = MAPPER.readValue(GoldenFixtures.read(GoldenFixtures.POST_FAILED_V1), PostFailed.class);

        assertThat(published.kafkaKey()).isEqualTo("42");
        assertThat(failed.kafkaKey()).isEqualTo("42");
        assertThat(published.publicPostId()).isEqualTo("7391029384756102938");
    }

    @Test
    void factoriesStampAFreshIdTypeAndVersion() {
        PostFailed first = PostFailed.of(1, 1, 2, null, "internal", null, "TikTok had an internal error", true, false,
                null);
        PostFailed second = PostFailed.of(1, 1, 2, null, "internal", null, "TikTok had an internal error", true, false,
                null);

        assertThat(first.eventId()).isNotEqualTo(second.eventId());
        assertThat(first.type()).isEqualTo("post.failed");
        assertThat(first.version()).isEqualTo(PostFailed.VERSION);
    }

    @Test
    void deadLetterTopicsArePerConsumerGroup() {
        assertThat(Topics.deadLetterOf(Topics.POST_DUE, "publisher-worker")).isEqualTo("post.due.publisher-worker.dlq");
        assertThat(Topics.deadLetterOf(Topics.POST_FAILED, "post-service"))
                .isNotEqualTo(Topics.deadLetterOf(Topics.POST_FAILED, "other"));
    }
}
