package io.tiktimer.auth;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** Refresh rotation and reuse detection, per-device sessions, logout, and what a password change ends. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(SigningKeyResource.class)
class SessionTest {

    @Test
    void refreshRotatesAndReusingASpentTokenEndsTheWholeSession() {
        Api.Account account = Api.register("rotation");
        String[] first = Api.tokens(account);

        var second = Api.refresh(first[1]).then().statusCode(200).header("Cache-Control", "no-store")
                .body("token_type", equalTo("bearer")).extract().jsonPath();
        String secondRefresh = second.getString("refresh_token");
        assertThat(secondRefresh).isNotEqualTo(first[1]);
        assertThat(second.getString("access_token")).isNotEqualTo(first[0]);
        Api.bearer(second.getString("access_token")).get("/users/me").then().statusCode(200);

        // the spent token shows up again: stolen, so the session ends for thief and owner alike
        Api.refresh(first[1]).then().statusCode(401).contentType("application/problem+json");
        Api.refresh(secondRefresh).then().statusCode(401);
        Api.bearer(second.getString("access_token")).get("/users/me").then().statusCode(401);
    }

    @Test
    void aSecondLoginDoesNotLogTheFirstDeviceOut() {
        Api.Account account = Api.register("devices");
        String[] phone = Api.tokens(account);
        String[] laptop = Api.tokens(account);
        Api.refresh(phone[1]).then().statusCode(200);
        Api.refresh(laptop[1]).then().statusCode(200);
    }

    @Test
    void logoutEndsOnlyThisSession() {
        Api.Account account = Api.register("logout");
        String[] phone = Api.tokens(account);
        String[] laptop = Api.tokens(account);

        Api.bearer(phone[0]).post("/auth/logout").then().statusCode(204);

        Api.refresh(phone[1]).then().statusCode(401);
        Api.bearer(phone[0]).get("/users/me").then().statusCode(401).contentType("application/problem+json");
        Api.bearer(phone[0]).post("/auth/logout").then().statusCode(401);
        Api.bearer(laptop[0]).get("/users/me").then().statusCode(200);
        Api.refresh(laptop[1]).then().statusCode(200);
    }

    @Test
    void aPasswordChangeEndsEveryOtherSessionAndNeedsTheCurrentPassword() {
        Api.Account account = Api.register("pwchange");
        String[] here = Api.tokens(account);
        String[] elsewhere = Api.tokens(account);
        String newPassword = "Another-Long-Passphrase-7";

        Api.bearer(here[0]).contentType("application/json")
                .body(Map.of("password", newPassword, "current_password", "not-my-password"))
                .patch("/users/me")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", contains("current_password"));
        Api.bearer(here[0]).contentType("application/json").body(Map.of("password", newPassword))
                .patch("/users/me")
                .then().statusCode(422).body("violations.field", contains("current_password"));
        Api.bearer(elsewhere[0]).get("/users/me").then().statusCode(200);

        Api.bearer(here[0]).contentType("application/json")
                .body(Map.of("password", newPassword, "current_password", account.password()))
                .patch("/users/me")
                .then().statusCode(200).body("username", equalTo(account.username()));

        Api.bearer(elsewhere[0]).get("/users/me").then().statusCode(401);
        Api.refresh(elsewhere[1]).then().statusCode(401);
        Api.bearer(here[0]).get("/users/me").then().statusCode(200);
        Api.refresh(here[1]).then().statusCode(200);
        Api.login(account.username(), account.password()).then().statusCode(401);
        Api.login(account.username(), newPassword).then().statusCode(200);
    }

    @Test
    void theEmailChangesWithTheCurrentPasswordAndStaysUnique() {
        Api.Account account = Api.register("mail");
        Api.Account other = Api.register("mailother");
        String token = Api.tokens(account)[0];
        String newEmail = Api.uniqueName("new") + "@example.com";

        Api.bearer(token).contentType("application/json")
                .body(Map.of("email", other.email(), "current_password", account.password()))
                .patch("/users/me")
                .then().statusCode(409).body("violations.field", contains("email"));
        Api.bearer(token).contentType("application/json").body(Map.of("email", newEmail))
                .patch("/users/me")
                .then().statusCode(422).body("violations.field", contains("current_password"));
        Api.bearer(token).contentType("application/json")
                .body(Map.of("email", newEmail, "current_password", account.password()))
                .patch("/users/me")
                .then().statusCode(200).body("email", equalTo(newEmail));
        Api.login(newEmail, account.password()).then().statusCode(200);
    }
}
