package io.tiktimer.auth.rest;

import io.tiktimer.auth.service.AuthProblems;
import io.tiktimer.servicekit.problem.Problems;
import io.tiktimer.auth.service.SessionService;
import io.tiktimer.auth.service.TokenIssuer;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/**
 * The caller of a user endpoint: the user id and session from the verified access token. Unlike other services,
 * auth-service also checks the session is still live, so logout and a password change take effect on its own
 * endpoints at once (as the seed's token_version did); elsewhere access tokens simply expire within 30 minutes.
 */
@RequestScoped
public class CurrentSession {

    private final JsonWebToken jwt;
    private final SessionService sessions;

    public CurrentSession(JsonWebToken jwt, SessionService sessions) {
        this.jwt = jwt;
        this.sessions = sessions;
    }

    public record Caller(long userId, UUID sessionId) {
    }

    public Caller require() {
        String sid = jwt.getClaim(TokenIssuer.SESSION_CLAIM);
        long userId;
        UUID sessionId;
        try {
            userId = Long.parseLong(jwt.getSubject());
            sessionId = UUID.fromString(sid);
        } catch (RuntimeException e) {
            throw AuthProblems.unauthorized("Not a user access token");
        }
        if (!sessions.isActive(sessionId, userId)) {
            throw AuthProblems.unauthorized("Session ended; log in again");
        }
        return new Caller(userId, sessionId);
    }
}
