package io.tiktimer.auth.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Set;

/** The fields /oauth/token reads (RFC 6749 §4.4); documents the form in OpenAPI. */
@Schema(name = "ClientCredentialsForm", description = "application/x-www-form-urlencoded")
public record ClientCredentialsForm(
        @JsonProperty("grant_type") @Schema(enumeration = {"client_credentials"}, required = true) String grantType,
        @JsonProperty("client_id") @Schema(description = "when not sent by HTTP Basic") String clientId,
        @JsonProperty("client_secret") String clientSecret) {

    static final Set<String> FIELDS = Set.of("grant_type", "client_id", "client_secret");
}
