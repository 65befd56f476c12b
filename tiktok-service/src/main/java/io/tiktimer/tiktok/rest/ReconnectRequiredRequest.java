package io.tiktimer.tiktok.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** publisher-worker's report that TikTok refused a freshly refreshed token (401 access_token_invalid). */
public record ReconnectRequiredRequest(@NotNull @Positive Long userId) {
}
