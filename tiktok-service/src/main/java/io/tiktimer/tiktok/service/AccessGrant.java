package io.tiktimer.tiktok.service;

import java.time.Instant;
import java.util.List;

/** A usable access token for one account. {@code toString} hides the token. */
public record AccessGrant(long accountId, String openId, String accessToken, Instant expiresAt, List<String> scopes) {

    @Override
    public String toString() {
        return "AccessGrant[accountId=" + accountId + ", openId=" + openId + ", expiresAt=" + expiresAt + "]";
    }
}
