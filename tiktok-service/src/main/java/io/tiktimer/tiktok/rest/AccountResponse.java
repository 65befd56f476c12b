package io.tiktimer.tiktok.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A connected TikTok account as its owner sees it. Never carries tokens. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccountResponse(
        long id,
        String openId,
        String displayName,
        String username,
        String avatarUrl,
        @Schema(enumeration = {"connected", "needs_reconnect"}) String status,
        List<String> grantedScopes,
        Instant connectedAt,
        Instant accessTokenExpiresAt) {
}
