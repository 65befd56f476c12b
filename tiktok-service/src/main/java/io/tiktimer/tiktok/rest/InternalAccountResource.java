package io.tiktimer.tiktok.rest;

import io.tiktimer.tiktok.mapping.AccountMapper;
import io.tiktimer.tiktok.service.AccountService;
import io.tiktimer.tiktok.service.TikTokProblems;
import io.tiktimer.tiktok.service.TokenOutcome;
import io.tiktimer.tiktok.service.TokenService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Service-to-service only (not routed by the gateway): publisher-worker's access to TikTok tokens, and what other
 * services may know of an account (post-service learns of a just-connected account without waiting for its event).
 */
@Path("/internal/accounts/{accountId}")
@RolesAllowed("publisher-worker")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "For other TikTimer services only")
public class InternalAccountResource {

    private final TokenService tokens;
    private final AccountService accounts;

    public InternalAccountResource(TokenService tokens, AccountService accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @GET
    @RolesAllowed({"post-service", "auth-service"})
    @Operation(summary = "Whose an account is and whether it is connected",
            description = "For services that hear of an account id before its TikTokAccountChanged event arrives.")
    @APIResponse(responseCode = "200", description = "{account_id, user_id, open_id, status, token_expires_at}")
    @APIResponse(responseCode = "400", description = "accountId is not a whole number")
    @APIResponse(responseCode = "401", description = "Missing or invalid service token")
    @APIResponse(responseCode = "403", description = "Caller is not post-service or auth-service")
    @APIResponse(responseCode = "404", description = "No such account (code account_not_found)")
    public InternalAccountResponse account(@PathParam("accountId") long accountId) {
        return accounts.byId(accountId).map(AccountMapper::toInternal).orElseThrow(TikTokProblems::accountNotFound);
    }

    @POST
    @Path("/access-token")
    @Operation(summary = "A valid access token for an account of a user",
            description = "Refreshes first when the token expires within 5 minutes (or when forceRefresh is set "
                    + "after TikTok answered 401). Concurrent calls cause one refresh.")
    @APIResponse(responseCode = "200", description = "{accountId, openId, accessToken, expiresAt, scopes}")
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "401", description = "Missing or invalid service token")
    @APIResponse(responseCode = "403", description = "Caller is not publisher-worker")
    @APIResponse(responseCode = "404", description = "No such account, or not owned by userId")
    @APIResponse(responseCode = "409", description = "Account needs reconnecting (code reconnect_required)")
    @APIResponse(responseCode = "503", description = "A refresh was needed and TikTok is unreachable; retry later")
    public AccessTokenResponse accessToken(@PathParam("accountId") long accountId,
                                           @Valid AccessTokenRequest request) {
        RequiredBody.of(request);
        TokenOutcome outcome = tokens.accessToken(accountId, request.userId(),
                Boolean.TRUE.equals(request.forceRefresh()));
        if (outcome instanceof TokenOutcome.Granted granted) {
            var grant = granted.grant();
            return new AccessTokenResponse(grant.accountId(), grant.openId(), grant.accessToken(), grant.expiresAt(),
                    grant.scopes());
        }
        if (outcome instanceof TokenOutcome.NotFound) {
            throw TikTokProblems.accountNotFound();
        }
        if (outcome instanceof TokenOutcome.ReconnectRequired) {
            throw TikTokProblems.reconnectRequired();
        }
        throw TikTokProblems.tiktokUnavailable();
    }

    @POST
    @Path("/reconnect-required")
    @Operation(summary = "Report that TikTok refused a freshly refreshed token",
            description = "Marks the account needs_reconnect and publishes TikTokAccountChanged. Idempotent.")
    @APIResponse(responseCode = "204", description = "Marked")
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "401", description = "Missing or invalid service token")
    @APIResponse(responseCode = "403", description = "Caller is not publisher-worker")
    @APIResponse(responseCode = "404", description = "No such account, or not owned by userId")
    public Response reconnectRequired(@PathParam("accountId") long accountId,
                                      @Valid ReconnectRequiredRequest request) {
        RequiredBody.of(request);
        if (!tokens.markReconnectRequired(accountId, request.userId())) {
            throw TikTokProblems.accountNotFound();
        }
        return Response.noContent().build();
    }
}
