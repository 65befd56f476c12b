package io.tiktimer.auth.rest;

import io.tiktimer.auth.service.SigningKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/.well-known/jwks.json")
@Tag(name = "Keys", description = "Public keys that verify TikTimer access tokens")
public class JwksResource {

    private final SigningKeys keys;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "JSON Web Key Set (RFC 7517)",
            description = "The signing key and every verification-only key (next and retired), each with its `kid`.")
    @APIResponse(responseCode = "200", description = "The key set")
    public Response jwks() {
        // short caching: a verifier meeting an unknown kid refetches anyway, and the next key is published ahead
        return Response.ok(keys.publicJwks()).header("Cache-Control", "public, max-age=300").build();
    }
}
