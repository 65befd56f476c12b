package io.tiktimer.tiktok.client;

import java.util.List;

/** A successful token exchange or refresh. {@code toString} is overridden so tokens never reach a log line. */
public record TikTokTokens(String accessToken, long expiresInSeconds, String refreshToken,
                           long refreshExpiresInSeconds, String openId, List<String> scopes) {

    @Override
    public String toString() {
        return "TikTokTokens[openId=" + openId + ", scopes=" + scopes + ", expiresIn=" + expiresInSeconds + "]";
    }
}
