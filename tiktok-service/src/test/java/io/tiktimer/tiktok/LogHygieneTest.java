package io.tiktimer.tiktok;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tiktimer.devstack.testing.JwtResource;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import io.tiktimer.sandbox.ConsentDecision;
import io.tiktimer.sandbox.testing.TikTokSandboxResource;
import io.tiktimer.tiktok.service.TokenCipher;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tiktimer.tiktok.TestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends CR/LF in every callback value a browser controls (error, error_description, state, code) and in the code of
 * exchange-token, runs a connection that handles real codes and tokens, then reads the service's log file (%test writes
 * one, our categories at DEBUG): no line was forged, and no code, token, state or binding cookie is in it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(value = TikTokSandboxResource.class,
        initArgs = @ResourceArg(name = "redirect-uri", value = TestSupport.REDIRECT_URI))
class LogHygieneTest {

    private static final Path LOG = Path.of("target/tiktok-service-test.log");

    @Inject
    DataSource dataSource;

    @Inject
    TokenCipher cipher;

    @Test
    void requestValuesCannotForgeLogLinesAndNoSecretIsLogged() throws Exception {
        String marker = "FORGED-" + UUID.randomUUID();
        String forgedLine = "\r\n2026-12-02 06:00:00,000 INFO  [io.tik.tik.ser.AccountService] " + marker;
        long userId = newUserId();

        // an error from "TikTok" with a forged line in it, on a state this browser started (so it reaches the log)
        String url = authorizationUrl(userId);
        String state = query(URI.create(url)).get("state");
        followCallback(callback(Map.of("state", state, "error", "server_error" + forgedLine,
                "error_description", "description" + forgedLine))).then().statusCode(400);
        // the same in state and code
        followCallback(callback(Map.of("state", "bad" + forgedLine, "code", "c" + forgedLine))).then().statusCode(400);
        String second = authorizationUrl(userId);
        followCallback(callback(Map.of("state", query(URI.create(second)).get("state"), "code", "c" + forgedLine)))
                .then().statusCode(400);
        given().auth().oauth2(userToken(userId)).contentType(ContentType.JSON)
                .body(Map.of("code", "c" + forgedLine, "state", "s" + forgedLine))
                .post("/api/v1/auth/tiktok/exchange-token").then().statusCode(400);

        List<String> lines = Files.readAllLines(LOG, StandardCharsets.UTF_8);
        assertThat(lines).as("the error reached the log, escaped on one line")
                .anySatisfy(line -> assertThat(line).contains("TikTok authorize returned error server_error\\r\\n")
                        .contains(marker).contains("description\\r\\n"));
        assertThat(lines).as("no line begins with what a request sent").noneSatisfy(line ->
                assertThat(line).startsWith("2026-12-02 06:00:00,000"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).containsPattern("^\\S*" + marker));

        // a real connection: its code, state, binding cookie and tokens must not reach the log
        List<String> secrets = new ArrayList<>();
        String openId = newCreator("quiet" + userId);
        io.restassured.response.Response authorize = given().auth().oauth2(userToken(userId))
                .get("/api/v1/auth/tiktok/authorize");
        String connectUrl = authorize.path("authorization_url");
        io.restassured.http.Cookie binding = bindingCookieOf(authorize);
        URI landing = consent(connectUrl, ConsentDecision.approveAs(openId));
        secrets.add(query(landing).get("code"));
        secrets.add(query(landing).get("state"));
        secrets.add(state);
        secrets.add(binding.getValue());
        followCallback(landing, given().cookie(binding.getName(), binding.getValue())).then().statusCode(200);
        long accountId = accountIdOf(userId, openId);
        secrets.add(accessToken(accountId, userId).then().statusCode(200).extract().path("accessToken"));
        secrets.add(storedRefreshToken(accountId, openId));
        // a code replayed (TikTok refuses it) is not logged either
        given().auth().oauth2(userToken(userId)).contentType(ContentType.JSON)
                .body(Map.of("code", query(landing).get("code"))).post("/api/v1/auth/tiktok/exchange-token")
                .then().statusCode(400);

        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        for (String secret : secrets) {
            assertThat(log).as("the log must not contain a code, state, cookie or token").doesNotContain(secret);
        }
        assertThat(log).as("no TikTok token of any kind").doesNotContainPattern("\\b(act|rft)\\.[A-Za-z0-9_-]{8,}");
        assertThat(log).as("no JWT").doesNotContainPattern("eyJ[A-Za-z0-9_-]{10,}\\.eyJ");
    }

    private static URI callback(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return URI.create(REDIRECT_URI + "?" + query);
    }

    private String storedRefreshToken(long id, String openId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select refresh_token_ciphertext from tiktok.tiktok_account where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return cipher.decrypt(rs.getBytes(1), "tiktimer/tiktok-token/refresh/" + openId);
            }
        }
    }
}
