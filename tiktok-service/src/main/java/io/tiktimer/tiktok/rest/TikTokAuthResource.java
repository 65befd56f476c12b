package io.tiktimer.tiktok.rest;

import io.tiktimer.tiktok.config.TikTokConfig;
import io.tiktimer.tiktok.service.AccountService;
import io.tiktimer.tiktok.service.ConnectResult;
import io.tiktimer.tiktok.service.ConnectResult.Failure;
import io.tiktimer.tiktok.service.ConnectService;
import io.tiktimer.tiktok.service.TikTokProblems;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/** Seed rows 13–16: connecting TikTok accounts with OAuth, and the seed's "disconnect". */
@Path("/api/v1/auth/tiktok")
@Tag(name = "TikTok connection", description = "Connect TikTok accounts through TikTok's OAuth consent page")
public class TikTokAuthResource {

    private final ConnectService connect;
    private final AccountService accounts;
    private final TikTokConfig config;
    private final JsonWebToken jwt;
    private final BrowserBindingCookie bindingCookie;

    public TikTokAuthResource(ConnectService connect, AccountService accounts, TikTokConfig config,
                              JsonWebToken jwt) {
        this.connect = connect;
        this.accounts = accounts;
        this.config = config;
        this.jwt = jwt;
        this.bindingCookie = new BrowserBindingCookie(config.redirectUri());
    }

    @GET
    @Path("/authorize")
    @RolesAllowed("user")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start connecting a TikTok account",
            description = "Returns TikTok's authorize URL with a fresh single-use state (10 min) bound to the caller, "
                    + "and sets an HttpOnly cookie (path: the callback) binding the state to this browser: the callback "
                    + "links an account only in the browser that made this request. With redirect=true answers 302 "
                    + "to that URL instead.")
    @APIResponse(responseCode = "200", description = "The URL to send the browser to")
    @APIResponse(responseCode = "302", description = "redirect=true: Location is TikTok's authorize page")
    @APIResponse(responseCode = "401", description = "Missing or invalid bearer token")
    public Response authorize(@Parameter(description = "answer with a 302 redirect instead of JSON")
                              @QueryParam("redirect") boolean redirect) {
        ConnectService.Authorization authorization = connect.authorize(CallerId.of(jwt));
        NewCookie binding = bindingCookie.issue(authorization.state(), authorization.browserBinding(),
                config.stateTtl());
        Response.ResponseBuilder answer = redirect
                ? Response.status(Response.Status.FOUND).location(URI.create(authorization.url()))
                : Response.ok(new AuthorizeResponse(authorization.url()));
        return answer.cookie(binding).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/callback")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "TikTok's redirect target",
            description = "The browser arrives here from TikTok without a bearer token; the state identifies the "
                    + "user, and the account is linked only when this browser brings the cookie authorize set (or the "
                    + "request carries that user's bearer token). Answers with a small HTML result page, or 303 to "
                    + "the configured client URL with tiktok=connected&account_id=… or tiktok=error&reason=….")
    @APIResponse(responseCode = "200", description = "Connected",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "303", description = "Redirect to the client URL, when configured")
    @APIResponse(responseCode = "400", description = "Invalid/expired/used state, denied consent, missing scopes "
            + "or a rejected code; nothing stored", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "403", description = "Started in another browser or by another user "
            + "(reason started_elsewhere); nothing linked, the state stays usable where it was started",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "409", description = "The TikTok account belongs to another TikTimer user",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "503", description = "TikTok unreachable", content = @Content(mediaType = MediaType.TEXT_HTML))
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("scopes") String scopes, @QueryParam("error") String error,
                             @QueryParam("error_description") String errorDescription,
                             @Context HttpHeaders headers) {
        ConnectResult result = connect.callback(code, state, scopes, error, errorDescription,
                bindingCookie.presented(headers, state), signedInUser());
        // The binding has done its work once the state is used up; a browser from elsewhere keeps nothing either.
        NewCookie[] spent = state == null || state.isEmpty() || isStartedElsewhere(result) ? new NewCookie[0]
                : new NewCookie[]{bindingCookie.expire(state)};
        if (config.clientRedirectUrl().isPresent()) {
            return Response.seeOther(URI.create(clientUrl(config.clientRedirectUrl().get(), result))).cookie(spent)
                    .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-store").build();
        }
        int status;
        String html;
        if (result instanceof ConnectResult.Connected connected) {
            status = 200;
            String name = connected.displayName() != null ? connected.displayName() : "Your TikTok account";
            html = ResultPage.render(true, "TikTok account connected",
                    name + " is now connected to TikTimer" + (connected.reconnected() ? " again." : "."));
        } else {
            ConnectResult.Failed failed = (ConnectResult.Failed) result;
            status = switch (failed.failure()) {
                case STARTED_ELSEWHERE -> 403;
                case TIKTOK_UNAVAILABLE -> 503;
                case ACCOUNT_OWNED_ELSEWHERE -> 409;
                default -> 400;
            };
            html = ResultPage.render(false, heading(failed.failure()), message(failed));
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(html).cookie(spent)
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                // the URL carries the authorization code: never pass it on in a Referer header
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/exchange-token")
    @RolesAllowed("user")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Connect with a pasted authorization code",
            description = "The manual flow of the original clients. Without state it is accepted only when the "
                    + "caller has exactly one pending authorization.")
    @APIResponse(responseCode = "200", description = "Connected: {message, user_id, account_id}")
    @APIResponse(responseCode = "400", description = "Invalid state or code, missing scopes, invalid body "
            + "(problem+json, code invalid_state | invalid_code | missing_scopes)")
    @APIResponse(responseCode = "401", description = "Missing or invalid bearer token")
    @APIResponse(responseCode = "409", description = "The TikTok account belongs to another TikTimer user")
    @APIResponse(responseCode = "502", description = "TikTok reported an unexpected error")
    @APIResponse(responseCode = "503", description = "TikTok unreachable")
    public ExchangeTokenResponse exchangeToken(@Valid ExchangeTokenRequest request) {
        RequiredBody.of(request);
        long userId = CallerId.of(jwt);
        ConnectResult result = connect.exchange(userId, request.code(), request.state());
        if (result instanceof ConnectResult.Connected connected) {
            return new ExchangeTokenResponse("TikTok account connected successfully", userId,
                    connected.accountId());
        }
        ConnectResult.Failed failed = (ConnectResult.Failed) result;
        throw switch (failed.failure()) {
            case INVALID_STATE, STARTED_ELSEWHERE -> TikTokProblems.coded(400, "invalid_state", failed.detail());
            case CODE_REJECTED, ACCESS_DENIED -> TikTokProblems.coded(400, "invalid_code", failed.detail());
            case MISSING_SCOPES -> TikTokProblems.missingScopes(failed.detail(), failed.missingScopes());
            case ACCOUNT_OWNED_ELSEWHERE -> TikTokProblems.coded(409, "account_owned_elsewhere", failed.detail());
            case TIKTOK_UNAVAILABLE -> TikTokProblems.tiktokUnavailable();
            case TIKTOK_ERROR -> TikTokProblems.coded(502, "tiktok_error", failed.detail());
        };
    }

    @DELETE
    @Path("/disconnect")
    @RolesAllowed("user")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Disconnect all of the caller's TikTok accounts",
            description = "Revokes each at TikTok, then deletes it. Seed-compatible {message}.")
    @APIResponse(responseCode = "200", description = "Disconnected (also when nothing was connected)")
    @APIResponse(responseCode = "401", description = "Missing or invalid bearer token")
    public MessageResponse disconnect() {
        int removed = accounts.removeAll(CallerId.of(jwt));
        return new MessageResponse(removed == 0 ? "No TikTok account was connected"
                : "TikTok account" + (removed == 1 ? "" : "s") + " disconnected successfully");
    }

    /** The caller's user id when the callback request carries a valid user bearer token (a client, not a browser). */
    private OptionalLong signedInUser() {
        if (jwt.getSubject() == null || !jwt.getGroups().contains("user")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(CallerId.of(jwt));
    }

    private static boolean isStartedElsewhere(ConnectResult result) {
        return result instanceof ConnectResult.Failed failed && failed.failure() == Failure.STARTED_ELSEWHERE;
    }

    private static String heading(Failure failure) {
        return switch (failure) {
            case ACCESS_DENIED -> "TikTok access not granted";
            case MISSING_SCOPES -> "Permissions missing";
            case INVALID_STATE -> "Link expired or invalid";
            case STARTED_ELSEWHERE -> "Nothing was connected";
            case ACCOUNT_OWNED_ELSEWHERE -> "Account already connected";
            case TIKTOK_UNAVAILABLE -> "TikTok unavailable";
            case CODE_REJECTED, TIKTOK_ERROR -> "Connection failed";
        };
    }

    private static String message(ConnectResult.Failed failed) {
        return switch (failed.failure()) {
            case ACCESS_DENIED -> "You cancelled on TikTok, so no account was connected. Start again from TikTimer "
                    + "whenever you are ready.";
            case MISSING_SCOPES -> "TikTimer needs these permissions to schedule posts: "
                    + String.join(", ", failed.missingScopes())
                    + ". Nothing was connected; start again and leave them ticked.";
            case INVALID_STATE -> "This connection link is invalid, expired or was already used. Nothing was "
                    + "connected; start again from TikTimer.";
            case STARTED_ELSEWHERE -> "This TikTok connection was started in another browser or by another TikTimer "
                    + "user, so no account was connected to anyone. If somebody sent you this link, you do not need "
                    + "it: to connect your own TikTok account, sign in to TikTimer in this browser and start there.";
            default -> failed.detail() + " Nothing was connected.";
        };
    }

    private static String clientUrl(String base, ConnectResult result) {
        String separator = base.contains("?") ? "&" : "?";
        if (result instanceof ConnectResult.Connected connected) {
            return base + separator + "tiktok=connected&account_id=" + connected.accountId();
        }
        ConnectResult.Failed failed = (ConnectResult.Failed) result;
        return base + separator + "tiktok=error&reason="
                + URLEncoder.encode(failed.failure().name().toLowerCase(), StandardCharsets.UTF_8);
    }
}
