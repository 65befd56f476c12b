package io.tiktimer.auth.service;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** The problem+json answers auth-service gives, in one place so identical situations read identically. */
public final class Problems {

    private Problems() {
    }

    /** One message for unknown user and wrong password alike: the answer must not reveal which accounts exist. */
    public static HttpProblem badCredentials() {
        return HttpProblem.builder()
                .withStatus(Response.Status.UNAUTHORIZED)
                .withTitle("Unauthorized")
                .withDetail("Incorrect username or password")
                .withHeader("WWW-Authenticate", "Bearer")
                .build();
    }

    public static HttpProblem unauthorized(String detail) {
        return HttpProblem.builder()
                .withStatus(Response.Status.UNAUTHORIZED)
                .withTitle("Unauthorized")
                .withDetail(detail)
                .withHeader("WWW-Authenticate", "Bearer")
                .build();
    }

    public static HttpProblem badRequest(String detail) {
        return HttpProblem.builder().withStatus(Response.Status.BAD_REQUEST).withTitle("Bad Request")
                .withDetail(detail).build();
    }

    /** Same shape as quarkus-resteasy-problem's Bean Validation answer, so clients parse one format. */
    public static HttpProblem invalidField(String field, String message) {
        return HttpProblem.builder()
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request")
                .withDetail(field + ": " + message)
                .with("violations", List.of(Map.of("field", field, "in", "body", "message", message)))
                .build();
    }

    public static HttpProblem duplicate(String field) {
        return HttpProblem.builder()
                .withStatus(Response.Status.CONFLICT)
                .withTitle("Conflict")
                .withDetail(field + " is already registered")
                .with("field", field)
                .build();
    }

    public static HttpProblem tooManyAttempts(long retryAfterSeconds) {
        return HttpProblem.builder()
                .withStatus(Response.Status.TOO_MANY_REQUESTS)
                .withTitle("Too Many Requests")
                .withDetail("Too many failed login attempts; try again in " + retryAfterSeconds + " seconds")
                .withHeader("Retry-After", retryAfterSeconds)
                .build();
    }

    /** RFC 6749 §5.2 error code carried as an extension member next to the RFC 9457 fields. */
    public static HttpProblem oauth(Response.Status status, String error, String detail) {
        var builder = HttpProblem.builder()
                .withStatus(status)
                .withTitle(status.getReasonPhrase())
                .withDetail(detail)
                .with("error", error);
        if (status == Response.Status.UNAUTHORIZED) {
            builder.withHeader("WWW-Authenticate", "Basic realm=\"tiktimer\"");
        }
        return builder.build();
    }
}
