package io.tiktimer.tiktok.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * A connected account as other services need to know it: whose it is and whether it can be used. Never carries tokens;
 * {@code token_expires_at} is when the current access token expires (the seed's {@code tiktok_token_expires_at}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InternalAccountResponse(
        long accountId,
        long userId,
        String openId,
        @Schema(enumeration = {"connected", "needs_reconnect"}) String status,
        Instant tokenExpiresAt) {
}
