package io.tiktimer.auth.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.tiktimer.auth.service.LoginService;
import io.tiktimer.auth.service.AuthProblems;
import io.tiktimer.auth.service.ServiceClients;
import io.tiktimer.auth.service.SessionService;
import io.tiktimer.auth.service.TokenIssuer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

@Path("/")
@Tag(name = "Tokens", description = "Login, refresh, logout and service-to-service tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    private static final String PROBLEM = "application/problem+json";
    /** Far above the password policy's maximum; longer input is refused before it reaches the hash function. */
    private static final int MAX_LOGIN_INPUT = 1024;

    private final LoginService logins;
    private final SessionService sessions;
    private final ServiceClients clients;
    private final CurrentSession currentSession;
    private final ClientAddresses addresses;
    private final BrowserSession browser;
    private final Validator validator;

    public TokenResource(LoginService logins, SessionService sessions, ServiceClients clients,
                         CurrentSession currentSession, ClientAddresses addresses, BrowserSession browser,
                         Validator validator) {
        this.addresses = addresses;
        this.browser = browser;
        this.validator = validator;
        this.logins = logins;
        this.sessions = sessions;
        this.clients = clients;
        this.currentSession = currentSession;
    }

    @POST
    @Path("token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Log in (OAuth2 password form)",
            description = "Seed compatible: form fields `username` (username or email) and `password`. Also accepts "
                    + "`grant_type=client_credentials` like /oauth/token. Browser mode: with the header "
                    + "`X-Requested-With` the refresh token is not in the body but in an HttpOnly, SameSite=Strict "
                    + "cookie `tiktimer_refresh` scoped to /auth.")
    @APIResponse(responseCode = "200", description = "Access and refresh token",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "Unreadable form (malformed percent-escape, invalid UTF-8, NUL, a "
            + "field sent twice, too many fields), missing field, unsupported grant type, or inactive user",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "413", description = "Body larger than a token request can be",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "Incorrect username or password (same answer for both)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "429", description = "Too many failed attempts; see Retry-After",
            content = @Content(mediaType = PROBLEM))
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = TokenForm.class)))
    public Response token(byte[] body,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @HeaderParam(BrowserSession.MARKER) String marker,
                          @Context HttpServerRequest request) {
        FormBody form = FormBody.parse(body, TokenForm.FIELDS);
        String grantType = form.get("grant_type");
        String username = form.get("username");
        String password = form.get("password");
        String clientId = form.get("client_id");
        String clientSecret = form.get("client_secret");
        if ("client_credentials".equals(grantType)) {
            return clientCredentials(grantType, clientId, clientSecret, authorization);
        }
        if (grantType != null && !"password".equals(grantType)) {
            throw AuthProblems.oauth(400, "unsupported_grant_type",
                    "grant_type must be password or client_credentials");
        }
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw AuthProblems.oauth(400, "invalid_request",
                    "Form fields username and password are required");
        }
        if (username.length() > MAX_LOGIN_INPUT || password.length() > MAX_LOGIN_INPUT) {
            throw AuthProblems.badCredentials();
        }
        SessionService.Tokens tokens = logins.login(username.strip(), password, addresses.of(request));
        return answer(tokens, BrowserSession.requested(marker), request);
    }

    @POST
    @Path("auth/refresh")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchange a refresh token for new tokens",
            description = "The refresh token is rotated: the presented one is spent. Presenting a spent one again "
                    + "ends the whole session. Browser mode: no refresh_token in the body, the cookie "
                    + "`tiktimer_refresh` and the header `X-Requested-With` (CSRF protection); the new refresh token "
                    + "replaces the cookie.")
    @APIResponse(responseCode = "200", description = "New access and refresh token",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "Missing refresh_token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "Invalid, expired, reused or revoked refresh token, or no "
            + "session cookie", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Session cookie without the X-Requested-With header",
            content = @Content(mediaType = PROBLEM))
    public Response refresh(RefreshRequest request,
                            @CookieParam(BrowserSession.COOKIE) String cookie,
                            @HeaderParam(BrowserSession.MARKER) String marker,
                            @Context HttpServerRequest http) {
        boolean inBody = request != null && request.refreshToken() != null;
        if (!inBody && (BrowserSession.requested(marker) || cookie != null)) {
            String presented = BrowserSession.presented(cookie, marker);
            try {
                return answer(sessions.refresh(presented), true, http);
            } catch (HttpProblem refused) {
                if (refused.getStatusCode() != 401) {
                    throw refused;
                }
                // a cookie that no longer opens a session is dropped, so the browser stops sending it
                throw HttpProblem.builder(refused).withHeader(HttpHeaders.SET_COOKIE, browser.cleared(http)).build();
            }
        }
        JsonBodies.require(request);
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return answer(sessions.refresh(request.refreshToken()), false, http);
    }

    @POST
    @Path("auth/logout")
    @RolesAllowed("user")
    @Operation(summary = "Log out this session",
            description = "Revokes the session of the presented access token and all its refresh tokens, and clears "
                    + "the browser's session cookie.")
    @APIResponse(responseCode = "204", description = "Logged out")
    @APIResponse(responseCode = "401", description = "Missing, invalid or expired token, or session already ended",
            content = @Content(mediaType = PROBLEM))
    public Response logout(@Context HttpServerRequest http) {
        sessions.revoke(currentSession.require().sessionId());
        return Response.noContent().cookie(browser.cleared(http)).build();
    }

    @POST
    @Path("oauth/token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Service token (OAuth2 client credentials, RFC 6749 §4.4)",
            description = "Client authentication by HTTP Basic (client_secret_basic) or form fields "
                    + "(client_secret_post). The token carries groups `service` and the client id.")
    @APIResponse(responseCode = "200", description = "Access token",
            content = @Content(schema = @Schema(implementation = ServiceTokenResponse.class)))
    @APIResponse(responseCode = "400", description = "Unreadable form or unsupported grant type",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "Unknown or disabled client, or wrong secret",
            content = @Content(mediaType = PROBLEM))
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = ClientCredentialsForm.class)))
    public Response clientCredentials(byte[] body,
                                      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        FormBody form = FormBody.parse(body, ClientCredentialsForm.FIELDS);
        return clientCredentials(form.get("grant_type"), form.get("client_id"), form.get("client_secret"),
                authorization);
    }

    private Response clientCredentials(String grantType, String clientId, String clientSecret, String authorization) {
        if (!"client_credentials".equals(grantType)) {
            throw AuthProblems.oauth(400, "unsupported_grant_type",
                    "grant_type must be client_credentials");
        }
        String id = clientId;
        String secret = clientSecret;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] idAndSecret = decodeBasic(authorization.substring(6).trim());
            id = idAndSecret[0];
            secret = idAndSecret[1];
        }
        TokenIssuer.Signed token = clients.issue(id, secret);
        return noStore(new ServiceTokenResponse(token.token(), "Bearer", token.expiresInSeconds()));
    }

    /** RFC 6749 §2.3.1 form-encodes id and secret inside Basic; clients that do not are equally served (see below). */
    private static String[] decodeBasic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AuthProblems.oauth(401, "invalid_client", "Malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw AuthProblems.oauth(401, "invalid_client", "Malformed Basic credentials");
        }
        // Our client ids and generated secrets use no characters that form-encoding changes, so decoding is only
        // applied when it is lossless; a raw '+' or '%' in a secret from a non-encoding client stays as sent.
        return new String[]{formDecode(decoded.substring(0, colon)), formDecode(decoded.substring(colon + 1))};
    }

    private static String formDecode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    /** In browser mode the refresh token goes into the cookie only, out of JavaScript's reach. */
    private Response answer(SessionService.Tokens tokens, boolean browserMode, HttpServerRequest http) {
        if (!browserMode) {
            return noStore(TokenResponse.bearer(tokens.accessToken(), tokens.refreshToken(),
                    tokens.expiresInSeconds()));
        }
        return Response.fromResponse(noStore(TokenResponse.bearer(tokens.accessToken(), null,
                        tokens.expiresInSeconds())))
                .cookie(browser.holding(tokens.refreshToken(), http)).build();
    }

    private static Response noStore(Object body) {
        return Response.ok(body).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
