package io.tiktimer.sandbox.state;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** One consent of one creator to one app: the family every access and refresh token of that consent belongs to. */
public final class Authorization {
    private final String clientKey;
    private final String openId;
    private final Set<String> scopes;
    private volatile Instant refreshExpiresAt;
    private volatile boolean revoked;

    public Authorization(String clientKey, String openId, Set<String> scopes, Instant refreshExpiresAt) {
        this.clientKey = clientKey;
        this.openId = openId;
        this.scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
        this.refreshExpiresAt = refreshExpiresAt;
    }

    public String clientKey() {
        return clientKey;
    }

    public String openId() {
        return openId;
    }

    public Set<String> scopes() {
        return scopes;
    }

    public Instant refreshExpiresAt() {
        return refreshExpiresAt;
    }

    public void refreshExpiresAt(Instant value) {
        this.refreshExpiresAt = value;
    }

    public boolean revoked() {
        return revoked;
    }

    public void revoke() {
        this.revoked = true;
    }
}
