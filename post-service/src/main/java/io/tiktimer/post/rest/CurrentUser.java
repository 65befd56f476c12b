package io.tiktimer.post.rest;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's user id: the token's {@code sub}, which auth-service sets to the numeric user id. */
@RequestScoped
public class CurrentUser {
    private final JsonWebToken jwt;

    public CurrentUser(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public long id() {
        try {
            return Long.parseLong(jwt.getSubject());
        } catch (NumberFormatException | NullPointerException e) {
            throw new jakarta.ws.rs.NotAuthorizedException("Bearer");
        }
    }
}
