package io.tiktimer.publisher.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** tiktok-service's internal API; the OIDC filter attaches our client-credentials service token. */
@RegisterRestClient(configKey = "tiktok-service")
@OidcClientFilter
@Path("/internal/accounts/{accountId}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface TikTokServiceRestClient {

    @POST
    @Path("/access-token")
    Response accessToken(@PathParam("accountId") long accountId, AccessTokenRequest request);

    @POST
    @Path("/reconnect-required")
    Response reconnectRequired(@PathParam("accountId") long accountId, ReconnectRequest request);

    /** {@code forceRefresh}: TikTok answered access_token_invalid, so refresh even if the token looks valid. */
    record AccessTokenRequest(long userId, boolean forceRefresh) {
    }

    record ReconnectRequest(long userId) {
    }
}
