package io.tiktimer.auth;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The seed's clients keep working: register (JSON) → /token (form) → /users/me, with the seed's field names. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(SigningKeyResource.class)
class SeedFlowTest {

    private static final List<String> USER_FIELDS = List.of("id", "email", "username", "is_active", "is_superuser",
            "role", "created_at", "tiktok_open_id", "tiktok_token_expires_at");

    @Test
    void registerThenLogInWithTheFormThenReadMyAccount() {
        String username = Api.uniqueName("seed");
        String email = username + "@example.com";
        // exactly the bytes the SPA sends
        String registered = Api.anyClient().contentType("application/json")
                .body("{\"email\":\"" + email + "\",\"username\":\"" + username + "\",\"password\":\"" + Api.PASSWORD
                        + "\"}")
                .post("/register")
                .then().statusCode(201).contentType("application/json")
                .extract().asString();
        Map<String, Object> user = JsonPath.from(registered).getMap("$");
        assertThat(user.keySet()).containsExactlyElementsOf(USER_FIELDS);
        assertThat(user).containsEntry("email", email).containsEntry("username", username)
                .containsEntry("is_active", true).containsEntry("is_superuser", false).containsEntry("role", "user")
                .containsEntry("tiktok_open_id", null).containsEntry("tiktok_token_expires_at", null);
        assertThat((String) user.get("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z");
        assertThat(registered).doesNotContain(Api.PASSWORD).doesNotContain("argon2");

        String body = given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body("username=" + username + "&password=" + Api.PASSWORD)
                .post("/token")
                .then().statusCode(200).header("Cache-Control", "no-store")
                .extract().asString();
        Map<String, Object> token = JsonPath.from(body).getMap("$");
        assertThat(token.keySet()).containsExactly("access_token", "refresh_token", "token_type", "expires_in");
        assertThat(token).containsEntry("token_type", "bearer").containsEntry("expires_in", 1800);

        Map<String, Object> me = Api.bearer((String) token.get("access_token")).get("/users/me")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        assertThat(me).isEqualTo(user);
    }

    @Test
    void theEmailWorksAsLoginNameToo() {
        Api.Account account = Api.register("bymail");
        Api.login(account.email().toUpperCase(), account.password()).then().statusCode(200);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        Api.Account account = Api.register("wrong");
        String wrongPassword = Api.login(account.username(), "Not-The-Password-1").then().statusCode(401)
                .contentType("application/problem+json").extract().jsonPath().getString("detail");
        String unknownUser = Api.login(Api.uniqueName("ghost"), "Not-The-Password-1").then().statusCode(401)
                .contentType("application/problem+json").extract().jsonPath().getString("detail");
        assertThat(wrongPassword).isEqualTo(unknownUser).isEqualTo("Incorrect username or password");
    }

    @Test
    void duplicatesAreRefusedWith409NamingTheField() {
        Api.Account taken = Api.register("dup");
        Api.anyClient().contentType("application/json")
                .body(Map.of("email", Api.uniqueName("x") + "@example.com", "username", taken.username().toUpperCase(),
                        "password", Api.PASSWORD))
                .post("/register")
                .then().statusCode(409).contentType("application/problem+json")
                .body("violations.field", contains("username")).body("code", equalTo("username_taken"));
        Api.anyClient().contentType("application/json")
                .body(Map.of("email", taken.email().toUpperCase(), "username", Api.uniqueName("y"),
                        "password", Api.PASSWORD))
                .post("/register")
                .then().statusCode(409).contentType("application/problem+json")
                .body("violations.field", contains("email")).body("code", equalTo("email_taken"));
    }

    @Test
    void weakOrMalformedRegistrationsAreRefusedWith422NamingTheField() {
        Map<String, String> cases = Map.of(
                "short9chr", "password",
                "qwertyuiop123", "password",
                "x".repeat(129), "password");
        cases.forEach((password, field) -> Api.anyClient().contentType("application/json")
                .body(Map.of("email", Api.uniqueName("w") + "@example.com", "username", Api.uniqueName("w"),
                        "password", password))
                .post("/register")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem(field)).body("violations.in", hasItem("body")));
        Api.anyClient().contentType("application/json")
                .body(Map.of("email", "not-an-email", "username", Api.uniqueName("w"), "password", Api.PASSWORD))
                .post("/register")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("email")));
        Api.anyClient().contentType("application/json")
                .body(Map.of("email", Api.uniqueName("w") + "@example.com", "username", "no spaces!",
                        "password", Api.PASSWORD))
                .post("/register")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("username")));
    }

    @Test
    void badInputIsA4xxProblemNeverA500() {
        Api.anyClient().contentType("application/json").body("{\"email\": ").post("/register")
                .then().statusCode(400).contentType("application/problem+json");
        Api.anyClient().contentType("application/json").post("/register")
                .then().statusCode(400).contentType("application/problem+json");
        Api.anyClient().contentType("application/json").body("[1,2]").post("/register")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/x-www-form-urlencoded").formParam("username", "someone").post("/token")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "implicit").post("/token")
                .then().statusCode(400).contentType("application/problem+json")
                .body("error", equalTo("unsupported_grant_type"));
        Api.anyClient().contentType("application/json").body("{\"username\":\"a\",\"password\":\"b\"}").post("/token")
                .then().statusCode(415).contentType("application/problem+json");
        Api.anyClient().contentType("application/json").body("{}").post("/auth/refresh")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("refreshToken")));
        Api.anyClient().contentType("application/json").post("/auth/refresh")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The request needs a JSON body"));
        Api.anyClient().contentType("application/json").body("{\"refresh_token\":\"never-issued\"}").post("/auth/refresh")
                .then().statusCode(401).contentType("application/problem+json");
        given().get("/users/me")
                .then().statusCode(401).contentType("application/problem+json");
        given().get("/no/such/path").then().statusCode(404).body(not(startsWith("<")));
    }
}
