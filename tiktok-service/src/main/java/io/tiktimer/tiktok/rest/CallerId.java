package io.tiktimer.tiktok.rest;

import io.tiktimer.servicekit.problem.Problems;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** auth-service puts the user id in {@code sub}. */
final class CallerId {

    private CallerId() {
    }

    static long of(JsonWebToken jwt) {
        try {
            return Long.parseLong(jwt.getSubject());
        } catch (RuntimeException e) {
            throw Problems.problem(401, "The token's subject is not a user id.")
                    .withHeader("WWW-Authenticate", "Bearer").build();
        }
    }
}
