package io.tiktimer.tiktok.rest;

import java.time.Instant;
import java.util.List;

/** For publisher-worker only; the one place a token leaves this service. */
public record AccessTokenResponse(long accountId, String openId, String accessToken, Instant expiresAt,
                                  List<String> scopes) {

    @Override
    public String toString() {
        return "AccessTokenResponse[accountId=" + accountId + ", openId=" + openId + ", expiresAt=" + expiresAt + "]";
    }
}
