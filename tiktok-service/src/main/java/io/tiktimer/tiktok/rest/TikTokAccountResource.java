package io.tiktimer.tiktok.rest;

import io.tiktimer.tiktok.mapping.AccountMapper;
import io.tiktimer.tiktok.service.AccountService;
import io.tiktimer.tiktok.service.CreatorInfoService;
import io.tiktimer.tiktok.service.TikTokProblems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The caller's connected TikTok accounts. Another user's account is indistinguishable from a missing one (404). */
@Path("/api/v1/tiktok/accounts")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "TikTok accounts", description = "Connected TikTok accounts of the signed-in user")
public class TikTokAccountResource {

    private final AccountService accounts;
    private final CreatorInfoService creatorInfo;
    private final JsonWebToken jwt;

    public TikTokAccountResource(AccountService accounts, CreatorInfoService creatorInfo, JsonWebToken jwt) {
        this.accounts = accounts;
        this.creatorInfo = creatorInfo;
        this.jwt = jwt;
    }

    @GET
    @Operation(summary = "List the caller's TikTok accounts")
    @APIResponse(responseCode = "200", description = "Accounts, oldest first")
    @APIResponse(responseCode = "401", description = "Missing or invalid bearer token")
    public List<AccountResponse> list() {
        return accounts.list(CallerId.of(jwt)).stream().map(AccountMapper::toResponse).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of the caller's TikTok accounts")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "401", description = "Missing or invalid bearer token")
    @APIResponse(responseCode = "404", description = "No such account of the caller")
    public AccountResponse get(@PathParam("id") long id) {
        return accounts.get(CallerId.of(jwt), id).map(AccountMapper::toResponse)
                .orElseThrow(TikTokProblems::accountNotFound);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a TikTok account", description = "Revokes TikTimer's access at TikTok, then deletes "
            + "the account and its tokens.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", description = "Missing or invalid bearer token")
    @APIResponse(responseCode = "404", description = "No such account of the caller")
    public Response delete(@PathParam("id") long id) {
        if (!accounts.remove(CallerId.of(jwt), id)) {
            throw TikTokProblems.accountNotFound();
        }
        creatorInfo.forget(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/creator-info")
    @Operation(summary = "TikTok creator_info for the posting screen",
            description = "Privacy options, disabled interactions, maximum video duration and whether the creator "
                    + "can post now. Cached for about 30 s and limited to a share of TikTok's 20 calls/min.")
    @APIResponse(responseCode = "200", description = "creator_info")
    @APIResponse(responseCode = "401", description = "Missing or invalid bearer token")
    @APIResponse(responseCode = "404", description = "No such account of the caller")
    @APIResponse(responseCode = "409", description = "The account must be reconnected (code reconnect_required)")
    @APIResponse(responseCode = "429", description = "Too many creator_info requests for this account")
    @APIResponse(responseCode = "502", description = "TikTok refused the request")
    @APIResponse(responseCode = "503", description = "TikTok unreachable")
    public CreatorInfoResponse creatorInfo(@PathParam("id") long id) {
        return CreatorInfoResponse.of(creatorInfo.creatorInfo(CallerId.of(jwt), id));
    }
}
