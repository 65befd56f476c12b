package io.tiktimer.auth.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;

/**
 * The seed's {@code UserResponse}, field for field. The TikTok fields come from tiktok-service (the user's first
 * connected account) on {@code GET /users/me} only, and are null elsewhere or when it cannot answer.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"id", "email", "username", "is_active", "is_superuser", "role", "created_at", "tiktok_open_id",
        "tiktok_token_expires_at"})
public record UserResponse(
        long id,
        String email,
        String username,
        @JsonProperty("is_active") boolean isActive,
        @JsonProperty("is_superuser") boolean isSuperuser,
        String role,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("tiktok_open_id") String tiktokOpenId,
        @JsonProperty("tiktok_token_expires_at") Instant tiktokTokenExpiresAt) {
}
