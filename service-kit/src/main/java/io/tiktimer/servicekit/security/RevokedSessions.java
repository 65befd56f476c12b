package io.tiktimer.servicekit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tiktimer.contracts.SessionsRevoked;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;

/**
 * The sessions whose access tokens this replica must refuse although their signature and {@code exp} are fine: the
 * user signed out, changed the password or deleted the account. Fed by {@link SessionsRevokedReader}; an entry is
 * kept as long as a token of that session could still be unexpired, then forgotten.
 */
@ApplicationScoped
public class RevokedSessions {

    private final Cache<String, Boolean> sessions;
    private final Cache<String, Boolean> users;

    RevokedSessions(@ConfigProperty(name = "tiktimer.jwt.revocation.retention", defaultValue = "PT35M")
                    Duration retention) {
        this.sessions = Caffeine.newBuilder().expireAfterWrite(retention).build();
        this.users = Caffeine.newBuilder().expireAfterWrite(retention).build();
    }

    public void apply(SessionsRevoked revoked) {
        if (revoked.allSessions()) {
            users.put(Long.toString(revoked.userId()), Boolean.TRUE);
        }
        revoked.sessionIds().forEach(sid -> sessions.put(sid, Boolean.TRUE));
    }

    /** Service tokens carry no session and are never revoked here (their clients are configuration). */
    public boolean isRevoked(JsonWebToken token) {
        if (token.getSubject() != null && users.getIfPresent(token.getSubject()) != null) {
            return true;
        }
        Object sid = token.getClaim(SESSION_CLAIM);
        return sid != null && sessions.getIfPresent(sid.toString()) != null;
    }

    /** The claim auth-service puts the session id in. */
    public static final String SESSION_CLAIM = "sid";
}
