package io.tiktimer.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tiktimer.contracts.SessionsRevoked;
import io.tiktimer.contracts.Topics;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import jakarta.inject.Inject;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Other services verify access tokens themselves, so signing out, changing the password and deleting the account
 * must be announced on {@code sessions.revoked} for them to refuse the tokens at once (service-kit's
 * {@code RevokedSessions}); the sessions named are exactly the ones that ended.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(SigningKeyResource.class)
class SessionRevocationTest {

    @Inject
    ObjectMapper json;

    @Test
    void signingOutAnnouncesThatSession() throws Exception {
        Api.Account account = Api.register("signout");
        String[] tokens = Api.tokens(account);

        Api.bearer(tokens[0]).post("/auth/logout").then().statusCode(204);

        SessionsRevoked revoked = announced(account.id());
        assertThat(revoked.sessionIds()).containsExactly(sessionOf(tokens[0]));
        assertThat(revoked.allSessions()).isFalse();
    }

    @Test
    void changingThePasswordAnnouncesEveryOtherSessionButNotTheCurrentOne() throws Exception {
        Api.Account account = Api.register("rotate");
        String[] laptop = Api.tokens(account);
        String[] phone = Api.tokens(account);
        String[] current = Api.tokens(account);

        Api.bearer(current[0]).contentType("application/json")
                .body(Map.of("password", "Another-Long-Passphrase-2026", "current_password", account.password()))
                .patch("/users/me").then().statusCode(200);

        SessionsRevoked revoked = announced(account.id());
        assertThat(revoked.sessionIds()).containsExactlyInAnyOrder(sessionOf(laptop[0]), sessionOf(phone[0]))
                .doesNotContain(sessionOf(current[0]));
    }

    @Test
    void deletingTheAccountAnnouncesEverySession() throws Exception {
        Api.Account account = Api.register("gone");
        String[] tokens = Api.tokens(account);

        Api.bearer(tokens[0]).delete("/users/me").then().statusCode(204);

        assertThat(announced(account.id()).allSessions()).isTrue();
    }

    private SessionsRevoked announced(long userId) throws Exception {
        return json.readValue(Published.await(Topics.SESSIONS_REVOKED, userId, value -> true).value(),
                SessionsRevoked.class);
    }

    private static String sessionOf(String accessToken) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
        return JwtClaims.parse(payload).getStringClaimValue("sid");
    }
}
