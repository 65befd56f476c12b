package io.tiktimer.tiktok.rest;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The cookie that ties an authorization to the browser that asked for its URL. HttpOnly (no script reads it),
 * SameSite=Lax (sent on TikTok's top-level redirect back to us, not on cross-site subrequests), Secure when the
 * callback is served over HTTPS, and sent only to the callback path. One cookie per pending authorization, named after
 * its state, so two tabs connecting two accounts do not overwrite each other's.
 */
final class BrowserBindingCookie {

    private static final String PREFIX = "tiktimer_tiktok_";

    private final String path;
    private final boolean secure;

    BrowserBindingCookie(String redirectUri) {
        URI uri = URI.create(redirectUri);
        this.path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        this.secure = "https".equalsIgnoreCase(uri.getScheme());
    }

    NewCookie issue(String state, String binding, Duration lifetime) {
        return cookie(state, binding, (int) lifetime.toSeconds());
    }

    /** Deletes the cookie once its authorization is used up. */
    NewCookie expire(String state) {
        return cookie(state, "", 0);
    }

    Optional<String> presented(HttpHeaders headers, String state) {
        if (state == null || state.isEmpty()) {
            return Optional.empty();
        }
        Cookie cookie = headers.getCookies().get(name(state));
        return cookie == null || cookie.getValue().isEmpty() ? Optional.empty() : Optional.of(cookie.getValue());
    }

    private NewCookie cookie(String state, String value, int maxAge) {
        return new NewCookie.Builder(name(state)).value(value).path(path).maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    /** A prefix of the state's SHA-256: names the cookie without putting the state itself in a header twice. */
    static String name(String state) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
