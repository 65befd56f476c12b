package io.tiktimer.auth.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** RFC 6749 §5.1 access token response for the client-credentials grant (no refresh token, §4.4.3). */
@JsonPropertyOrder({"access_token", "token_type", "expires_in"})
public record ServiceTokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {
}
