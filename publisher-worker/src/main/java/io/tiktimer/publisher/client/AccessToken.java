package io.tiktimer.publisher.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/** A TikTok access token as tiktok-service hands it out. {@link #toString()} never shows the token. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccessToken(long accountId, String openId, String accessToken, Instant expiresAt, List<String> scopes) {

    @Override
    public String toString() {
        return "AccessToken[account=" + accountId + ", expiresAt=" + expiresAt + "]";
    }
}
