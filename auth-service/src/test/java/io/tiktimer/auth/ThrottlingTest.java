package io.tiktimer.auth;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Guessing is refused with 429 and Retry-After, per account-and-address and per address, with counters in
 * PostgreSQL (shared by replicas); the real user logging in from elsewhere is not locked out.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(SigningKeyResource.class)
class ThrottlingTest {

    @Inject
    DataSource dataSource;

    @Test
    void fiveWrongPasswordsFromOneAddressAreRefusedButTheOwnerElsewhereGetsIn() throws Exception {
        Api.Account victim = Api.register("victim");
        String attacker = Api.randomAddress();
        for (int i = 0; i < 5; i++) {
            Api.login(victim.username(), "Wrong-Guess-Number-" + i, attacker).then().statusCode(401);
        }

        var refused = Api.login(victim.username(), "Wrong-Guess-Number-6", attacker).then().statusCode(429)
                .contentType("application/problem+json").extract();
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 31L);
        // even the right password is refused from the throttled address until the lock-out ends
        Api.login(victim.username(), victim.password(), attacker).then().statusCode(429);

        Api.login(victim.username(), victim.password(), Api.randomAddress()).then().statusCode(200)
                .body("token_type", equalTo("bearer"));

        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "select failures from auth.login_throttle where throttle_key = ?")) {
            q.setString(1, "address:" + attacker);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as("address counter stored in PostgreSQL").isTrue();
                assertThat(rs.getInt(1)).isEqualTo(5);
            }
        }
    }

    @Test
    void sprayingManyAccountsFromOneAddressIsRefused() {
        String sprayer = Api.randomAddress();
        for (int i = 0; i < 20; i++) {
            Api.login(Api.uniqueName("nobody"), "Summer-2026-Password", sprayer).then().statusCode(401);
        }
        Api.login(Api.uniqueName("nobody"), "Summer-2026-Password", sprayer).then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }
}
