package io.tiktimer.post;

import org.jose4j.jwt.JwtClaims;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads and alters a compact JWT's payload without verifying it: for tests that need to know or break a token. */
final class TokenClaims {
    private TokenClaims() {
    }

    static long expiresAtMillis(String token) throws Exception {
        return JwtClaims.parse(payload(token)).getExpirationTime().getValueInMillis();
    }

    /** The same header and signature over a payload naming another subject. */
    static String withSubject(String token, long subject) throws Exception {
        JwtClaims claims = JwtClaims.parse(payload(token));
        claims.setSubject(String.valueOf(subject));
        String[] parts = token.split("\\.");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.toJson().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
