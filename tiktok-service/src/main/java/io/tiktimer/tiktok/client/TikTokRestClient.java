package io.tiktimer.tiktok.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * TikTok's OAuth and Content Posting endpoints (tiktok-api.md §1.3–1.5, §1.8, §2.1). Every method returns the raw
 * {@link Response}: TikTok reports OAuth and posting errors with HTTP 200 too, so success is decided from the body
 * by {@link TikTokClient}, never from the status line.
 */
@RegisterRestClient(configKey = "tiktok-api")
interface TikTokRestClient {

    @POST
    @Path("/v2/oauth/token/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response exchangeCode(@FormParam("client_key") String clientKey,
                          @FormParam("client_secret") String clientSecret,
                          @FormParam("code") String code,
                          @FormParam("grant_type") String grantType,
                          @FormParam("redirect_uri") String redirectUri);

    @POST
    @Path("/v2/oauth/token/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response refresh(@FormParam("client_key") String clientKey,
                     @FormParam("client_secret") String clientSecret,
                     @FormParam("grant_type") String grantType,
                     @FormParam("refresh_token") String refreshToken);

    @POST
    @Path("/v2/oauth/revoke/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response revoke(@FormParam("client_key") String clientKey,
                    @FormParam("client_secret") String clientSecret,
                    @FormParam("token") String token);

    @GET
    @Path("/v2/user/info/")
    @Produces(MediaType.APPLICATION_JSON)
    Response userInfo(@HeaderParam("Authorization") String bearer, @QueryParam("fields") String fields);

    @POST
    @Path("/v2/post/publish/creator_info/query/")
    @Consumes("application/json; charset=UTF-8")
    @Produces(MediaType.APPLICATION_JSON)
    Response creatorInfo(@HeaderParam("Authorization") String bearer, String emptyJsonObject);
}
