package io.tiktimer.post;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tiktimer.contracts.AccountStatus;
import io.tiktimer.contracts.PostPublished;
import io.tiktimer.contracts.PublishOutcome;
import io.tiktimer.contracts.Topics;
import io.tiktimer.devstack.testing.JwtResource;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import io.tiktimer.devstack.testing.PrometheusText;
import io.tiktimer.devstack.testing.S3Resource;
import io.tiktimer.servicekit.messaging.EventCodec;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The figures an operator watches move when what they count happens, on {@code /q/metrics}. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(value = S3Resource.class, initArgs = @ResourceArg(name = S3Resource.BUCKET_ARG, value = InfrastructureTest.BUCKET))
class MetricsTest {

    private static final String SENT_POST_DUE = "tiktimer_outbox_sent_total{topic=\"post.due\"}";
    private static final String CLAIMED = "tiktimer_dispatch_claimed_total";
    private static final String LAG_COUNT = "tiktimer_dispatch_lag_seconds_count";
    private static final String APPLIED = "tiktimer_events_consumed_total{result=\"applied\",type=\"post.published\"}";
    private static final String DUPLICATE = "tiktimer_events_consumed_total{result=\"duplicate\",type=\"post.published\"}";
    private static final String CREATED = "http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"201\",uri=\"/posts\"}";

    @Inject
    DataSource dataSource;
    @Inject
    EventCodec codec;

    @Test
    void dispatchOutboxConsumerAndHttpFiguresMoveWithWhatTheyCount() throws Exception {
        long user = Fixtures.newId();
        long account = Fixtures.newId();
        Fixtures.announceAccount(dataSource, codec.mapper(), account, user, AccountStatus.CONNECTED);
        String before = scrape();

        long id = Fixtures.createVideoPost(user, account, "counted", Instant.now().plusSeconds(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> value(scrape(), SENT_POST_DUE) > value(before, SENT_POST_DUE));
        String dispatched = scrape();
        assertThat(value(dispatched, CLAIMED)).isGreaterThan(value(before, CLAIMED));
        assertThat(value(dispatched, LAG_COUNT)).isGreaterThan(value(before, LAG_COUNT));
        assertThat(value(dispatched, CREATED)).isGreaterThan(value(before, CREATED));
        assertThat(dispatched).contains("tiktimer_outbox_backlog ").contains("tiktimer_outbox_oldest_age_seconds ")
                .contains("tiktimer_posts_due ")
                .as("consumer lag per group, from the Kafka client metrics").contains("kafka_consumer_fetch_manager_records_lag_max{");

        PostPublished published = new PostPublished(UUID.randomUUID(), PostPublished.TYPE, PostPublished.VERSION,
                Instant.now(), id, 1, account, "v_pub_url~metrics", PublishOutcome.PUBLISHED, null, null);
        Fixtures.send(Topics.POST_PUBLISHED, Long.toString(id), codec.write(published));
        await().atMost(Duration.ofSeconds(15)).until(() -> value(scrape(), APPLIED) > value(dispatched, APPLIED));
        Fixtures.send(Topics.POST_PUBLISHED, Long.toString(id), codec.write(published));
        await().atMost(Duration.ofSeconds(15)).until(() -> value(scrape(), DUPLICATE) > value(dispatched, DUPLICATE));
    }

    private static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String scrape, String series) {
        return PrometheusText.value(scrape, series);
    }
}
