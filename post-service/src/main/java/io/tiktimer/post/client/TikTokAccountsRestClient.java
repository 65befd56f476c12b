package io.tiktimer.post.client;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** tiktok-service's internal account lookup; the OIDC filter attaches our client-credentials service token. */
@RegisterRestClient(configKey = "tiktok-service")
@OidcClientFilter
@Path("/internal/users/{userId}/accounts")
@Produces(MediaType.APPLICATION_JSON)
interface TikTokAccountsRestClient {

    @GET
    List<ConnectedAccount> accountsOf(@PathParam("userId") long userId);

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ConnectedAccount(long accountId, long userId, String openId, String status) {
    }
}
