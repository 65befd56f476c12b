package io.tiktimer.tiktok.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** auth-service puts the user id in {@code sub}. */
final class CallerId {

    private CallerId() {
    }

    static long of(JsonWebToken jwt) {
        try {
            return Long.parseLong(jwt.getSubject());
        } catch (RuntimeException e) {
            throw HttpProblem.builder().withStatus(Response.Status.UNAUTHORIZED).withTitle("Unauthorized")
                    .withDetail("The token's subject is not a user id.").build();
        }
    }
}
