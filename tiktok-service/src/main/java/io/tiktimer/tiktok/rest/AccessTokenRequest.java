package io.tiktimer.tiktok.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * publisher-worker names the user it acts for, so it can only ever get the token of an account that user owns.
 * {@code forceRefresh}: TikTok just refused the current token with 401; refresh even if it looks valid.
 */
public record AccessTokenRequest(@NotNull @Positive Long userId, Boolean forceRefresh) {
}
