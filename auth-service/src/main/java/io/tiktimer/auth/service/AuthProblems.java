package io.tiktimer.auth.service;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.tiktimer.servicekit.problem.Problems;

import java.util.List;
import java.util.Map;

/**
 * The answers only auth-service gives, built on service-kit's one problem shape ({@link Problems}), so identical
 * situations read identically. Everything generic (400 unreadable, 422 invalid, 404, 409) comes from {@link Problems}.
 */
public final class AuthProblems {

    private AuthProblems() {
    }

    /** One message for unknown user and wrong password alike: the answer must not reveal which accounts exist. */
    public static HttpProblem badCredentials() {
        return unauthorized("Incorrect username or password");
    }

    public static HttpProblem unauthorized(String detail) {
        return Problems.problem(401, detail).withHeader("WWW-Authenticate", "Bearer").build();
    }

    /**
     * RFC 6749 §5.2: the OAuth error code in the {@code error} member its clients read, and the same value as
     * {@code code}, the member every TikTimer client branches on.
     */
    public static HttpProblem oauth(int status, String error, String detail) {
        HttpProblem.Builder builder = Problems.problem(status, detail).with("error", error).with("code", error);
        if (status == 401) {
            builder.withHeader("WWW-Authenticate", "Basic realm=\"tiktimer\"");
        }
        return builder.build();
    }

    /** 409 naming the field (in the body) whose value another account already has. */
    public static HttpProblem duplicate(String field) {
        String message = "is already registered";
        return Problems.problem(409, field + " " + message)
                .with("code", field + "_taken")
                .with("violations", List.of(Map.of("field", field, "in", "body", "message", message)))
                .build();
    }

    public static HttpProblem tooManyAttempts(long retryAfterSeconds) {
        return tooMany("too_many_attempts",
                "Too many failed login attempts; try again in " + retryAfterSeconds + " seconds", retryAfterSeconds);
    }

    public static HttpProblem tooManyRegistrations(long retryAfterSeconds) {
        return tooMany("too_many_registrations",
                "Too many sign-ups from this address; try again in " + retryAfterSeconds + " seconds",
                retryAfterSeconds);
    }

    private static HttpProblem tooMany(String code, String detail, long retryAfterSeconds) {
        return Problems.problem(429, detail).with("code", code).withHeader("Retry-After", retryAfterSeconds).build();
    }
}
