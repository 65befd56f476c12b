package io.tiktimer.chaos;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One TikTimer user with one connected sandbox creator: signs in through the gateway, and signs in again when a
 * token is refused. Half the people reach post-service through the gateway, the other half the second replica
 * directly, as a load balancer in front of both would spread them.
 */
final class Person {

    final String username;
    final String openId;
    final String postServiceUrl;
    final Http http = new Http();
    private final String password;
    private final String gateway;
    private volatile String token;
    volatile long accountId;

    Person(String username, String openId, String gateway, String postServiceUrl) {
        this.username = username;
        this.openId = openId;
        this.password = "correct horse battery staple " + java.util.UUID.randomUUID();
        this.gateway = gateway;
        this.postServiceUrl = postServiceUrl;
    }

    void register() {
        String body = "{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.test\",\"password\":\""
                + password + "\"}";
        Http.Answer answer = http.sendRepeatable(() -> HttpRequest.newBuilder(URI.create(gateway + "/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), Duration.ofMinutes(2));
        // 409: an earlier try whose answer was lost created the user
        if (answer.status() != 201 && answer.status() != 409) {
            throw new IllegalStateException("sign-up of " + username + ": " + answer.status() + " " + answer.abbreviated());
        }
        signIn();
    }

    synchronized void signIn() {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        Http.Answer answer = http.sendRepeatable(() -> HttpRequest.newBuilder(URI.create(gateway + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), Duration.ofMinutes(3));
        if (answer.status() != 200) {
            throw new IllegalStateException("sign-in of " + username + ": " + answer.status() + " " + answer.abbreviated());
        }
        token = answer.json().path("access_token").asText();
    }

    String token() {
        return token;
    }

    /** A request as this person, signed in again once if the token is refused (auth-service restarted, expiry). */
    Http.Answer call(java.util.function.Function<String, HttpRequest.Builder> request) {
        Http.Answer answer = http.send(request.apply(token));
        if (answer.status() == 401) {
            signIn();
            answer = http.send(request.apply(token));
        }
        return answer;
    }

    /** Like {@link #call}, repeated while the answer is a transient failure: only for requests safe to repeat. */
    Http.Answer callRepeatable(java.util.function.Function<String, HttpRequest.Builder> request, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = 250;
        Http.Answer answer;
        do {
            answer = call(request);
            if (!answer.refusedBeforeActing() && !answer.unknownOutcome()) {
                return answer;
            }
            Http.sleep(pause);
            pause = Math.min(pause * 2, 3000);
        } while (System.nanoTime() < deadline);
        return answer;
    }

    String gateway() {
        return gateway;
    }
}
