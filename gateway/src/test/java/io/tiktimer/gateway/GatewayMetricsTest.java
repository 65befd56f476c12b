package io.tiktimer.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static io.restassured.RestAssured.given;
import static io.tiktimer.devstack.testing.PrometheusText.value;
import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's HTTP figures: one series per route of routes.yaml, on the management port and nowhere else. */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class GatewayMetricsTest {

    private static final String POSTS_OK =
            "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/posts/**\"}";
    private static final String REFUSED =
            "http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"400\",uri=\"/{refused}\"}";

    // relative to the management root, /q
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void forwardedRequestsAreCountedPerRouteNotPerPath() {
        String before = scrape();

        given().when().get("/posts/918273").then().statusCode(200);
        given().when().get("/posts/564738?status=scheduled").then().statusCode(200);
        given().urlEncodingEnabled(false).when().get("/posts/%00").then().statusCode(400);
        given().when().get("/nowhere-5551234").then().statusCode(404);

        String after = scrape();
        assertThat(value(after, POSTS_OK) - value(before, POSTS_OK)).isEqualTo(2);
        assertThat(value(after, REFUSED) - value(before, REFUSED)).isEqualTo(1);
        // no post id, refused path or unknown path becomes a series of its own
        assertThat(after).doesNotContain("918273").doesNotContain("564738").doesNotContain("5551234")
                .doesNotContain("%00");
    }

    @Test
    void metricsAreNotServedOnThePublicPort() {
        given().when().get("/q/metrics").then().statusCode(404);
    }

    private String scrape() {
        return given().when().get(metrics).then().statusCode(200).extract().asString();
    }
}
