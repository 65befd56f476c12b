package io.tiktimer.auth;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** The calls a client of auth-service makes, as the seed's SPA makes them. */
final class Api {

    static final String PASSWORD = "Correct-Horse-9-Battery";

    private Api() {
    }

    record Account(long id, String username, String email, String password) {
    }

    static String uniqueName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Every login gets its own client address unless a test picks one, so throttling never leaks across tests. */
    static String randomAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    static Account register(String prefix) {
        String username = uniqueName(prefix);
        String email = username + "@example.com";
        long id = anyClient().contentType("application/json")
                .body(Map.of("email", email, "username", username, "password", PASSWORD))
                .post("/register")
                .then().statusCode(201)
                .extract().jsonPath().getLong("id");
        return new Account(id, username, email, PASSWORD);
    }

    /** A request from an address of its own (through the trusted test proxy), so no test meets another's throttle. */
    static RequestSpecification anyClient() {
        return given().header("X-Forwarded-For", randomAddress());
    }

    static Response login(String username, String password) {
        return login(username, password, randomAddress());
    }

    static Response login(String username, String password, String address) {
        return given().header("X-Forwarded-For", address)
                .contentType("application/x-www-form-urlencoded")
                .formParam("username", username)
                .formParam("password", password)
                .post("/token");
    }

    /** Access and refresh token of a fresh login. */
    static String[] tokens(Account account) {
        var json = login(account.username(), account.password()).then().statusCode(200).extract().jsonPath();
        return new String[]{json.getString("access_token"), json.getString("refresh_token")};
    }

    static RequestSpecification bearer(String accessToken) {
        return given().header("Authorization", "Bearer " + accessToken);
    }

    static Response refresh(String refreshToken) {
        return given().contentType("application/json").body(Map.of("refresh_token", refreshToken))
                .post("/auth/refresh");
    }
}
