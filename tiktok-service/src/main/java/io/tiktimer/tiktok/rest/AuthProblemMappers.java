package io.tiktimer.tiktok.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 as problem+json. quarkus-resteasy-problem 3.21.0 ships mappers for these exceptions that fail on Quarkus 3.33
 * ({@code NoSuchFieldError: headerName} while reading the authentication challenge) and turn every 401 into a 500;
 * these mappers take precedence and answer the way the extension would, with the bearer challenge.
 */
public class AuthProblemMappers {

    @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
    public Response unauthorized(UnauthorizedException e) {
        return unauthorized();
    }

    private static Response unauthorized() {
        return HttpProblem.builder().withStatus(Response.Status.UNAUTHORIZED).withTitle("Unauthorized")
                .withDetail("A valid bearer token is required.").withHeader("WWW-Authenticate", "Bearer").build()
                .toResponse();
    }
}
