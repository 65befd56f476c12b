package io.tiktimer.post;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.tiktimer.devstack.testing.JwtResource;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import io.tiktimer.devstack.testing.S3Resource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * On AWS the ALB, not our gateway, stands in front of the services: each service sends the security headers itself,
 * and no cache keeps an answer about a caller (service-kit).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(value = S3Resource.class, initArgs = @ResourceArg(name = S3Resource.BUCKET_ARG, value = InfrastructureTest.BUCKET))
class ResponseHeadersTest {

    @Test
    void aCallersDataIsNeitherCachedNorFramedNorSniffed() {
        long user = Fixtures.newId();
        given().auth().oauth2(Fixtures.token(user)).when().get("/posts").then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Content-Security-Policy", equalTo("frame-ancestors 'none'"));
        given().when().get("/posts").then().statusCode(401)
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }
}
