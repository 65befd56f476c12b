package io.tiktimer.tiktok.rest;

import io.tiktimer.tiktok.mapping.AccountMapper;
import io.tiktimer.tiktok.service.AccountService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Service-to-service only (not routed by the gateway): auth-service fills /users/me from a user's first account. */
@Path("/internal/users/{userId}/accounts")
@RolesAllowed({"post-service", "auth-service"})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "For other TikTimer services only")
public class InternalUserAccountsResource {

    private final AccountService accounts;

    public InternalUserAccountsResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    @Operation(summary = "A user's TikTok accounts in the order they were connected",
            description = "Every account the user has connected, connected or needing reconnection; an empty list "
                    + "for a user without accounts (or unknown to this service).")
    @APIResponse(responseCode = "200", description = "[{account_id, user_id, open_id, status, token_expires_at}]")
    @APIResponse(responseCode = "400", description = "userId is not a whole number")
    @APIResponse(responseCode = "401", description = "Missing or invalid service token")
    @APIResponse(responseCode = "403", description = "Caller is not post-service or auth-service")
    public List<InternalAccountResponse> accountsOfUser(@PathParam("userId") long userId) {
        return accounts.list(userId).stream().map(AccountMapper::toInternal).toList();
    }
}
