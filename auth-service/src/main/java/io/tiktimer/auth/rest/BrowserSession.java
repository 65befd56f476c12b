package io.tiktimer.auth.rest;

import io.tiktimer.auth.config.AuthConfig;
import io.tiktimer.servicekit.problem.Problems;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import java.time.Duration;

/**
 * The web app's way of keeping a session across reloads without giving the refresh token to JavaScript: auth-service
 * sets it as an {@code HttpOnly}, {@code SameSite=Strict} cookie scoped to /auth (refresh and logout only), rotates it
 * on every refresh and clears it on logout. A request opts into this mode by sending {@value #MARKER}; the API's other
 * clients keep receiving the refresh token in the body and never get a cookie.
 * <p>
 * CSRF: a cookie is sent by the browser on its own, so a refresh by cookie also needs the marker header. A cross-site
 * page can send neither a custom header without a CORS preflight (which no TikTimer service answers) nor, because of
 * {@code SameSite=Strict}, the cookie itself. Two independent locks, as OWASP's cheat sheet recommends for cookie
 * sessions.
 */
@ApplicationScoped
public class BrowserSession {

    /** The header the web app sends on /token, /auth/refresh and /auth/logout. */
    public static final String MARKER = "X-Requested-With";
    public static final String COOKIE = "tiktimer_refresh";
    static final String PATH = "/auth";

    private final Duration lifetime;

    public BrowserSession(AuthConfig config) {
        this.lifetime = config.session().refreshTokenLifetime();
    }

    static boolean requested(String marker) {
        return marker != null && !marker.isBlank();
    }

    NewCookie holding(String refreshToken, HttpServerRequest request) {
        return cookie(refreshToken, (int) lifetime.toSeconds(), request);
    }

    NewCookie cleared(HttpServerRequest request) {
        return cookie("", 0, request);
    }

    /**
     * The refresh token a cookie-mode refresh presents: it needs both the cookie and the marker header.
     */
    static String presented(String cookie, String marker) {
        if (!requested(marker)) {
            throw Problems.problem(403, "A refresh by cookie needs the " + MARKER + " header (CSRF protection).")
                    .with("code", "csrf_header_missing").build();
        }
        if (cookie == null || cookie.isBlank()) {
            throw Problems.problem(401, "There is no session to renew in this browser; sign in again.")
                    .with("code", "no_session_cookie").build();
        }
        return cookie;
    }

    private static NewCookie cookie(String value, int maxAge, HttpServerRequest request) {
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path(PATH)
                .maxAge(maxAge)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .secure(overHttps(request))
                .build();
    }

    /**
     * Over HTTPS the cookie must be {@code Secure}; plain HTTP on localhost (./run) would never send such a cookie
     * back. TLS ends at the load balancer, which says so in {@code X-Forwarded-Proto} (the gateway passes it on).
     */
    private static boolean overHttps(HttpServerRequest request) {
        String forwarded = request.getHeader("X-Forwarded-Proto");
        return "https".equalsIgnoreCase(forwarded) || (forwarded == null && request.isSSL());
    }
}
