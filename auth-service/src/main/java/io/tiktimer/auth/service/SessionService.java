package io.tiktimer.auth.service;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.tiktimer.auth.RefreshToken;
import io.tiktimer.auth.User;
import io.tiktimer.auth.UserSession;
import io.tiktimer.auth.config.AuthConfig;
import io.tiktimer.auth.repository.RefreshTokenRepository;
import io.tiktimer.auth.repository.UserRepository;
import io.tiktimer.auth.repository.UserSessionRepository;
import io.tiktimer.contracts.SessionsRevoked;
import io.tiktimer.servicekit.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Login sessions and their refresh tokens: one session per login, so a second device does not log the first out;
 * every refresh rotates the token; presenting a token that was already used means it leaked (or the client lost a
 * race it must not lose), so the whole session is revoked.
 */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class);
    private static final int REFRESH_TOKEN_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final UserSessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final UserRepository users;
    private final TokenIssuer issuer;
    private final AuthConfig.Session config;
    private final Outbox outbox;
    private final Clock clock;

    public SessionService(UserSessionRepository sessions, RefreshTokenRepository refreshTokens, UserRepository users,
                          TokenIssuer issuer, AuthConfig config, Outbox outbox, Clock clock) {
        this.clock = clock;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.issuer = issuer;
        this.config = config.session();
        this.outbox = outbox;
    }

    /** What a client gets after a login or a refresh. */
    public record Tokens(String accessToken, String refreshToken, long expiresInSeconds) {
    }

    @Transactional
    public Tokens start(User user) {
        Instant now = now();
        UserSession session = new UserSession();
        session.id = UUID.randomUUID();
        session.userId = user.id;
        session.createdAt = now;
        sessions.persist(session);
        LOG.debugf("Session %s started for user %d", session.id, user.id);
        return issue(user, session, now);
    }

    /** Never rolled back on refusal: a detected reuse must stay revoked. */
    @Transactional(dontRollbackOn = HttpProblem.class)
    public Tokens refresh(String presentedToken) {
        Instant now = now();
        RefreshToken token = refreshTokens.findByHashForUpdate(digest(presentedToken))
                .orElseThrow(() -> AuthProblems.unauthorized("Invalid refresh token"));
        UserSession session = sessions.findById(token.sessionId);
        if (session == null || !session.isActive()) {
            throw AuthProblems.unauthorized("Invalid refresh token");
        }
        if (token.usedAt != null) {
            sessions.revoke(session.id, now);
            announce(session.userId, List.of(session.id));
            LOG.warnf("Refresh token reuse in session %s of user %d: session revoked", session.id, session.userId);
            throw AuthProblems.unauthorized("Invalid refresh token");
        }
        if (!token.expiresAt.isAfter(now)) {
            throw AuthProblems.unauthorized("Refresh token expired");
        }
        User user = users.findById(session.userId);
        if (user == null || !user.active) {
            throw AuthProblems.unauthorized("Invalid refresh token");
        }
        token.usedAt = now;
        return issue(user, session, now);
    }

    /** Sign-out: the session's refresh tokens stop working here, its access tokens in every service. */
    @Transactional
    public void revoke(UUID sessionId) {
        UserSession session = sessions.findById(sessionId);
        if (session != null && sessions.revoke(sessionId, now()) > 0) {
            announce(session.userId, List.of(sessionId));
        }
    }

    @Transactional
    public void revokeAllExcept(long userId, UUID keep) {
        List<UUID> revoked = sessions.activeOfUserExcept(userId, keep);
        sessions.revokeAllOfUserExcept(userId, keep, now());
        if (!revoked.isEmpty()) {
            announce(userId, revoked);
        }
    }

    /** Other services verify access tokens themselves: they learn of revoked sessions by {@code sessions.revoked}. */
    private void announce(long userId, List<UUID> sessionIds) {
        outbox.append(SessionsRevoked.sessions(userId, sessionIds.stream().map(UUID::toString).toList()));
    }

    /** Whether an access token's session still counts: not logged out, not revoked by reuse or a password change. */
    @Transactional
    public boolean isActive(UUID sessionId, long userId) {
        UserSession session = sessions.findById(sessionId);
        return session != null && session.userId == userId && session.isActive();
    }

    private Tokens issue(User user, UserSession session, Instant now) {
        byte[] raw = new byte[REFRESH_TOKEN_BYTES];
        random.nextBytes(raw);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        RefreshToken token = new RefreshToken();
        token.sessionId = session.id;
        token.tokenHash = digest(value);
        token.createdAt = now;
        token.expiresAt = now.plus(config.refreshTokenLifetime());
        refreshTokens.persist(token);
        TokenIssuer.Signed access = issuer.userToken(user, session.id);
        return new Tokens(access.token(), value, access.expiresInSeconds());
    }

    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; truncating keeps what we compare equal to what we stored
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
