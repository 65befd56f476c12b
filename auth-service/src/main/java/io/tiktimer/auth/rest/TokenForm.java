package io.tiktimer.auth.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Set;

/** The fields /token reads (seed compatible password form, or client credentials); documents the form in OpenAPI. */
@Schema(name = "TokenForm", description = "application/x-www-form-urlencoded")
public record TokenForm(
        @JsonProperty("grant_type") @Schema(enumeration = {"password", "client_credentials"}) String grantType,
        @Schema(description = "username or email") String username,
        String password,
        @JsonProperty("client_id") String clientId,
        @JsonProperty("client_secret") String clientSecret) {

    static final Set<String> FIELDS = Set.of("grant_type", "username", "password", "client_id", "client_secret");
}
