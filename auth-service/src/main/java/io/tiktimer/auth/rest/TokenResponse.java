package io.tiktimer.auth.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The seed's token body ({@code token_type} lower-case "bearer", as its clients received it) plus {@code expires_in}. */
@JsonPropertyOrder({"access_token", "refresh_token", "token_type", "expires_in"})
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {

    public static TokenResponse bearer(String accessToken, String refreshToken, long expiresIn) {
        return new TokenResponse(accessToken, refreshToken, "bearer", expiresIn);
    }
}
