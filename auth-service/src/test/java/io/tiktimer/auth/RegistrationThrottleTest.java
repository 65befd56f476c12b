package io.tiktimer.auth;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** One address cannot create accounts in bulk: after the limit, 429 with Retry-After; other addresses still sign up. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(SigningKeyResource.class)
class RegistrationThrottleTest {

    @ConfigProperty(name = "auth.registration.address-limit")
    int limit;

    @ConfigProperty(name = "auth.registration.window")
    Duration window;

    @Test
    void signUpsFromOneAddressStopAtTheLimitWithRetryAfter() {
        String bot = Api.randomAddress();
        for (int i = 0; i < limit; i++) {
            register(bot).then().statusCode(201);
        }

        var refused = register(bot).then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429)).body("code", equalTo("too_many_registrations")).extract();
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, window.toSeconds() + 1);
        // refused attempts do not create accounts, and the address stays refused
        String name = Api.uniqueName("late");
        register(bot, name).then().statusCode(429);
        Api.login(name, Api.PASSWORD).then().statusCode(401);

        register(Api.randomAddress()).then().statusCode(201);
    }

    private static io.restassured.response.Response register(String address) {
        return register(address, Api.uniqueName("bulk"));
    }

    private static io.restassured.response.Response register(String address, String username) {
        return given().header("X-Forwarded-For", address).contentType("application/json")
                .body(Map.of("email", username + "@example.com", "username", username, "password", Api.PASSWORD))
                .post("/register");
    }
}
