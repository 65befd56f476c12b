package io.tiktimer.servicekit.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.tiktimer.contracts.GoldenFixtures;
import io.tiktimer.contracts.PostDue;
import io.tiktimer.contracts.PostFailed;
import io.tiktimer.contracts.PostPublished;
import io.tiktimer.contracts.PostPublishing;
import io.tiktimer.contracts.UserDeleted;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void writesTheGoldenFixturesFormatBack() throws Exception {
        for (String fixture : new String[]{GoldenFixtures.POST_DUE_V1, GoldenFixtures.POST_PUBLISHED_V1,
                GoldenFixtures.POST_FAILED_V1, GoldenFixtures.USER_DELETED_V1}) {
            String json = GoldenFixtures.read(fixture);
            JsonNode written = codec.mapper().readTree(codec.write(codec.readAny(json)));
            assertThat(written).as(fixture).isEqualTo(codec.mapper().readTree(json));
        }
    }

    @Test
    void readAnyPicksTheRecordTheTypeNames() throws Exception {
        assertThat(codec.readAny(GoldenFixtures.read(GoldenFixtures.POST_PUBLISHING_V1))).isInstanceOf(PostPublishing.class);
        assertThat(codec.readAny(GoldenFixtures.read(GoldenFixtures.POST_DUE_V1))).isInstanceOf(PostDue.class);
    }

    @Test
    void anEventOfAnotherTypeIsPoisonNotAMisreadRecord() throws Exception {
        // a post.published sent to the post.failed consumer would otherwise be read as a failure without a code
        String published = GoldenFixtures.read(GoldenFixtures.POST_PUBLISHED_V1);
        assertThatThrownBy(() -> codec.read(published, PostFailed.class))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("post.published");
    }

    @Test
    void anotherVersionIsPoison() throws Exception {
        String v2 = GoldenFixtures.read(GoldenFixtures.USER_DELETED_V1).replace("\"version\":1", "\"version\":2")
                .replace("\"version\": 1", "\"version\": 2");
        assertThatThrownBy(() -> codec.read(v2, UserDeleted.class))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("v2");
    }

    @Test
    void unreadableTextIsPoison() {
        assertThatThrownBy(() -> codec.read("{not json", PostPublished.class)).isInstanceOf(PoisonMessageException.class);
        assertThatThrownBy(() -> codec.read("", PostPublished.class)).isInstanceOf(PoisonMessageException.class);
        assertThatThrownBy(() -> codec.read("{\"type\":\"post.published\",\"version\":1}", PostPublished.class))
                .as("no eventId").isInstanceOf(PoisonMessageException.class);
        assertThatThrownBy(() -> codec.readAny("{\"type\":\"post.edited\",\"version\":1}"))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("post.edited");
    }

    @Test
    void neitherTopicNorKeyIsWritten() throws Exception {
        JsonNode written = codec.mapper().readTree(codec.write(UserDeleted.of(7)));
        assertThat(written.has("topic")).isFalse();
        assertThat(written.has("kafkaKey")).isFalse();
        assertThat(written.path("userId").asLong()).isEqualTo(7);
    }
}
