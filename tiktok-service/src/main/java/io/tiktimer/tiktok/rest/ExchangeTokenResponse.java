package io.tiktimer.tiktok.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Seed-compatible {@code {message, user_id}}, plus the id of the connected account. */
public record ExchangeTokenResponse(String message, @JsonProperty("user_id") long userId,
                                    @JsonProperty("account_id") long accountId) {
}
