package io.tiktimer.auth;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.specification.RequestSpecification;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/**
 * What a hostile client sends to the public endpoints (the /token form as the seed's clients post it, the /register
 * JSON) is answered with a 4xx problem+json that says what is wrong, never a 500 and never an empty body.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(SigningKeyResource.class)
class HostileInputTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void aNulInTheLoginFormIsA400NamingTheField() {
        RawHttp.Answer username = form("username=ali%00ce&password=" + Api.PASSWORD);
        assertProblem(username, 400);
        assertThat(username.json().getList("violations.field")).containsExactly("username");
        assertThat(username.json().getList("violations.in")).containsExactly("form");
        RawHttp.Answer password = form("username=alice&password=Correct%00Horse");
        assertProblem(password, 400);
        assertThat(password.json().getList("violations.field")).containsExactly("password");
    }

    @Test
    void malformedPercentEscapesAndInvalidUtf8AreA400() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("%zz escape", ascii("username=alice&password=%zz"));
        bodies.put("lone % at the end", ascii("username=alice&password=abc%"));
        bodies.put("truncated escape", ascii("username=alice&password=abc%4"));
        bodies.put("percent-encoded invalid UTF-8", ascii("username=alice&password=%ff%fe%fd"));
        bodies.put("raw invalid UTF-8", concat(ascii("username=alice&password="), new byte[]{(byte) 0xff, (byte) 0xc3}));
        bodies.put("overlong UTF-8 for '/'", ascii("username=%c0%af&password=x"));
        bodies.forEach((what, body) -> {
            RawHttp.Answer answer = RawHttp.post("/token", FORM, body, forwardedFor());
            assertThat(answer.status()).as(what).isEqualTo(400);
            assertProblem(answer, 400);
        });
    }

    @Test
    void aHundredThousandFieldsAreRefusedWithoutAServerError() {
        StringBuilder body = new StringBuilder("username=alice&password=" + Api.PASSWORD);
        for (int i = 0; i < 100_000; i++) {
            body.append("&f").append(i).append("=1");
        }
        RawHttp.Answer answer = form(body.toString());
        assertThat(answer.status()).isIn(400, 413);
        assertProblem(answer, answer.status());
        // small enough for the body limit, but no token request has 40 fields
        RawHttp.Answer fields = form("username=alice&password=x" + "&f=1".repeat(40));
        assertProblem(fields, 400);
    }

    @Test
    void anEmptyBodyOrAWrongContentTypeIsA4xxProblem() {
        plain().contentType(FORM).post("/token").then().statusCode(400).contentType("application/problem+json")
                .body("error", equalTo("invalid_request"));
        plain().contentType("text/plain").body("username=alice&password=x").post("/token").then().statusCode(415)
                .contentType("application/problem+json").body("detail", not(emptyOrNullString()));
        int noContentType = plain().post("/token").then().contentType("application/problem+json").extract().statusCode();
        assertThat(noContentType).isIn(400, 415);
        plain().contentType("text/plain").body("{}").post("/register").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void registrationJsonThatCannotBeStoredIsA400NamingTheField() {
        plain().contentType("application/json")
                .body("{\"email\":\"nul@example.com\",\"username\":\"nul\\u0000user\",\"password\":\"" + Api.PASSWORD
                        + "\"}")
                .post("/register").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("username"));
        plain().contentType("application/json")
                .body("{\"email\":\"lone@example.com\",\"username\":\"lone\",\"password\":\"Abc\\ud800defghijkl\"}")
                .post("/register").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("password"));
        plain().contentType("application/json").body("{\"email\":[1],\"username\":\"x\",\"password\":\"y\"}")
                .post("/register").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("email"));
    }

    @Test
    void tenMegabytesOfRegistrationAreA413Problem() {
        // the head announces 10 MB; the server must answer from the head alone, as it does for a client that waits
        String head = "POST /register HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (10 << 20) + "\r\n\r\n{\"email\":\"big@example.com\",\"password\":\"xxxx";
        RawHttp.Answer answer = RawHttp.exchange("127.0.0.1", head.getBytes(StandardCharsets.US_ASCII));
        assertProblem(answer, 413);
    }

    private static RawHttp.Answer form(String body) {
        return RawHttp.post("/token", FORM, body.getBytes(StandardCharsets.US_ASCII), forwardedFor());
    }

    private static String forwardedFor() {
        return "X-Forwarded-For: " + Api.randomAddress();
    }

    /** A problem+json body with the status and a useful detail, nothing of Java in it. */
    static void assertProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().getInt("status")).isEqualTo(status);
        assertThat(answer.json().getString("detail")).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("java.").doesNotContain("\tat ");
    }

    /** Exactly the bytes given: no charset appended to the content type, nothing re-encoded. */
    private static RequestSpecification plain() {
        return RestAssured.given().log().ifValidationFails().header("X-Forwarded-For", Api.randomAddress())
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
