package io.tiktimer.gateway.e2e;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Forgeries of a real access token of the running stack, made without auth-service's private key, as an attacker who
 * holds one token and the public JWKS would make them. (Forgeries that need the signing key, such as an {@code iat}
 * years ahead, are sent to each service by its own tests with devstack's {@code TestJwtIssuer}.)
 */
final class ForgedTokens {

    private ForgedTokens() {
    }

    /** Name → token; each must be refused with 401 wherever a user token is required. */
    static Map<String, String> of(String realToken, String refreshToken, String jwksJson) throws Exception {
        String[] parts = realToken.split("\\.");
        JwtClaims claims = JwtClaims.parse(decode(parts[1]));
        PublicKey published = ((RsaJsonWebKey) new JsonWebKeySet(jwksJson).getJsonWebKeys().get(0)).getPublicKey();
        RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        stranger.setKeyId("stranger");

        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("alg none", encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        forged.put("signed by another key", sign(claims, stranger, Map.of()));
        forged.put("HS256 keyed with the published public key", hmac(claims, published.getEncoded()));
        JwtClaims otherUser = JwtClaims.parse(claims.toJson());
        otherUser.setSubject(Long.toString(Long.parseLong(claims.getSubject()) + 1));
        forged.put("payload changed to another user", parts[0] + "." + encode(otherUser.toJson()) + "." + parts[2]);
        forged.put("jku and x5u pointing elsewhere", sign(claims, stranger,
                Map.of("jku", "http://127.0.0.1:9/jwks.json", "x5u", "http://127.0.0.1:9/cert.pem")));
        forged.put("kid path injection", sign(claims, stranger, Map.of("kid", "../../../../dev/null")));
        forged.put("the refresh token", refreshToken);
        forged.put("garbage", "not-a-jwt");
        forged.put("empty JSON parts", "e30.e30.");
        forged.put("real token with its signature cut", parts[0] + "." + parts[1] + ".");
        return forged;
    }

    private static String sign(JwtClaims claims, RsaJsonWebKey key, Map<String, String> headers)
            throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        headers.forEach(jws::setHeader);
        return jws.getCompactSerialization();
    }

    private static String hmac(JwtClaims claims, byte[] secret) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(new HmacKey(secret));
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setDoKeyValidation(false);
        return jws.getCompactSerialization();
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
