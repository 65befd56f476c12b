package io.tiktimer.sandbox.state;

import java.time.Instant;

public record AccessToken(String token, Authorization authorization, Instant expiresAt) {

    public boolean usableAt(Instant now) {
        return !authorization.revoked() && now.isBefore(expiresAt);
    }
}
