package io.tiktimer.auth;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every flow that handles a secret (including failures, reuse and client credentials), then reads the service's
 * log file (%test writes one, with our own categories at DEBUG) and finds none of those secrets in it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(SigningKeyResource.class)
class LogHygieneTest {

    private static final Path LOG = Path.of("target/auth-service-test.log");

    @Inject
    DataSource dataSource;

    @Test
    void noPasswordHashRefreshTokenOrJwtEverReachesTheLog() throws Exception {
        List<String> secrets = new ArrayList<>();
        Api.Account account = Api.register("quiet");
        secrets.add(account.password());
        String wrongPassword = "Typo-In-My-Password-42";
        secrets.add(wrongPassword);
        Api.login(account.username(), wrongPassword).then().statusCode(401);

        String[] tokens = Api.tokens(account);
        secrets.add(tokens[0]);
        secrets.add(tokens[1]);
        String rotated = Api.refresh(tokens[1]).then().statusCode(200).extract().jsonPath().getString("refresh_token");
        secrets.add(rotated);
        Api.refresh(tokens[1]).then().statusCode(401); // reuse: logged as a warning, without the token

        String newPassword = "Quiet-New-Passphrase-99";
        secrets.add(newPassword);
        String[] fresh = Api.tokens(account);
        secrets.add(fresh[0]);
        Api.bearer(fresh[0]).contentType("application/json")
                .body(Map.of("password", newPassword, "current_password", account.password()))
                .patch("/users/me").then().statusCode(200);

        String serviceToken = given().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("grant_type", "client_credentials", "client_id", "post-service",
                        "client_secret", SigningKeyResource.POST_SERVICE_SECRET))
                .post("/oauth/token").then().statusCode(200).extract().jsonPath().getString("access_token");
        secrets.add(serviceToken);
        secrets.add(SigningKeyResource.POST_SERVICE_SECRET);
        given().auth().preemptive().basic("post-service", "Wrong-Client-Secret-123456789")
                .contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(401);
        secrets.add("Wrong-Client-Secret-123456789");
        String hash = storedHash(account.id());
        secrets.add(hash);
        secrets.add(hash.substring(hash.lastIndexOf('$') + 1));

        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertThat(log).as("the log captured this test's activity").contains("User " + account.id() + " registered")
                .contains("Refresh token reuse");
        for (String secret : secrets) {
            assertThat(log).as("log must not contain a secret").doesNotContain(secret);
        }
        assertThat(log).as("no JWT of any kind").doesNotContainPattern("eyJ[A-Za-z0-9_-]{10,}\\.eyJ");
        assertThat(log).as("no password hash of any kind").doesNotContain("$argon2");
        assertThat(log).as("no private key").doesNotContain("PRIVATE KEY");
    }

    /**
     * A malformed /token form once made the service log the undecodable value, which was the password. Whatever is
     * sent to the auth endpoints (malformed forms, broken JSON, credentials in the query string or a broken Basic
     * header), nothing of it reaches the log; and a CR/LF in a value that is logged cannot start a log line.
     */
    @Test
    void malformedCredentialsNeverReachTheLogAndCannotForgeALine() {
        String secret = "Sekret-Passphrase-4-Log-Test";
        String form = "application/x-www-form-urlencoded";
        try (CapturedLog log = CapturedLog.start()) {
            for (String body : List.of("username=alice&password=" + secret + "%zz",
                    "username=alice&password=" + secret + "%",
                    "username=alice&password=" + secret + "%4",
                    "username=alice&password=" + secret + "%00",
                    "username=alice&password=" + secret + "%ff%fe",
                    "username=alice&password=" + secret + "&password=" + secret,
                    "username=alice&password=" + secret + "&f=1".repeat(40),
                    "grant_type=client_credentials&client_id=post-service&client_secret=" + secret + "%zz")) {
                for (String path : List.of("/token", "/oauth/token")) {
                    int status = RawHttp.post(path, form, body.getBytes(StandardCharsets.US_ASCII),
                            "X-Forwarded-For: " + Api.randomAddress()).status();
                    assertThat(status).as(body).isBetween(400, 499);
                }
            }
            byte[] rawUtf8 = ("username=alice&password=" + secret + "\u00ff").getBytes(StandardCharsets.ISO_8859_1);
            RawHttp.post("/token", form, rawUtf8, "X-Forwarded-For: " + Api.randomAddress());
            RawHttp.post("/token?username=alice&password=" + secret, form, new byte[0]);
            RawHttp.post("/oauth/token", form, "grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII),
                    "Authorization: Basic !!" + secret);
            RawHttp.post("/oauth/token", form, "grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII),
                    "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString(
                            ("post-service:" + secret + "%zz").getBytes(StandardCharsets.UTF_8)));
            for (String json : List.of("{\"username\":\"alice\",\"password\":\"" + secret,
                    "{\"email\":\"a@example.com\",\"username\":\"alice\",\"password\":\"" + secret + "\\u0000\"}",
                    "{\"email\":[\"" + secret + "\"],\"username\":\"alice\",\"password\":\"" + secret + "\"}")) {
                RawHttp.post("/register", "application/json", json.getBytes(StandardCharsets.UTF_8),
                        "X-Forwarded-For: " + Api.randomAddress());
            }
            RawHttp.post("/auth/refresh", "application/json",
                    ("{\"refresh_token\":[\"" + secret + "\"]").getBytes(StandardCharsets.UTF_8));

            // a client id is logged when refused: a CR/LF in it must not begin a line of its own
            given().contentType(form).formParam("grant_type", "client_credentials")
                    .formParam("client_id", "evil\r\n2026-12-02 06:00:00,000 INFO  [io.tik.aut] FORGED admin logged in")
                    .formParam("client_secret", secret).post("/oauth/token").then().statusCode(401);

            List<CapturedLog.Line> lines = log.lines();
            assertThat(lines).as("the log captured the requests").anySatisfy(line ->
                    assertThat(line.text()).contains("Client credentials refused"));
            assertThat(lines).allSatisfy(line -> assertThat(line.text()).as(line.category()).doesNotContain(secret));
            assertThat(lines).allSatisfy(line -> assertThat(line.text()).as(line.category())
                    .doesNotContain("\nFORGED").doesNotContain("\rFORGED").doesNotContain("\n2026-12-02 06:00"));
            assertThat(lines).filteredOn(line -> line.text().contains("FORGED"))
                    .allSatisfy(line -> assertThat(line.text()).doesNotContain("\n").doesNotContain("\r"));
        }
        try {
            assertThat(Files.readString(LOG, StandardCharsets.UTF_8)).as("log file").doesNotContain(secret);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String storedHash(long userId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select password_hash from auth.users where id = ?")) {
            q.setLong(1, userId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
