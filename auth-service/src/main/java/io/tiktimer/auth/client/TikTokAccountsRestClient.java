package io.tiktimer.auth.client;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;

/** tiktok-service's internal account lookup (service roles only). */
@RegisterRestClient(configKey = "tiktok-service")
@Path("/internal/users/{userId}/accounts")
@Produces(MediaType.APPLICATION_JSON)
interface TikTokAccountsRestClient {

    @GET
    List<Account> accountsOf(@PathParam("userId") long userId, @HeaderParam("Authorization") String authorization);

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Account(long accountId, String openId, String status, Instant tokenExpiresAt) {
    }
}
