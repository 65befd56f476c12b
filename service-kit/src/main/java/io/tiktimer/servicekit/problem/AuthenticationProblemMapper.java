package io.tiktimer.servicekit.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 for a missing, invalid or expired bearer token, as problem+json with the bearer challenge. quarkus-resteasy-problem
 * 3.21.0 has mappers for these, but they fail on Quarkus 3.33 ({@code NoSuchFieldError: headerName}) and turn every
 * 401 into a 500; these take precedence until the library catches up.
 */
public class AuthenticationProblemMapper {

    private static final int BEFORE_LIBRARY_MAPPERS = 1;

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response unauthorized(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response authenticationCompletion(AuthenticationCompletionException e) {
        return unauthorized();
    }

    /** A valid token whose roles do not include the operation's (a user token on an internal endpoint). */
    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return HttpProblem.builder().withStatus(403).withTitle("Forbidden")
                .withDetail("This operation is not open to the caller's token").build().toResponse();
    }

    private static Response unauthorized() {
        return HttpProblem.builder().withStatus(401).withTitle("Unauthorized")
                .withDetail("Missing or invalid bearer token").withHeader("WWW-Authenticate", "Bearer").build()
                .toResponse();
    }
}
