package io.tiktimer.devstack.testing;

import com.sun.net.httpserver.HttpServer;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.tiktimer.devstack.Ports;

/**
 * Stands in for auth-service's signing side in the other services' tests: a fresh RSA key per test JVM (nothing
 * committed), served as a JWKS over real HTTP so services verify tokens exactly as in production, plus the forgeries a
 * verifier must refuse.
 */
public final class TestJwtIssuer implements AutoCloseable {

    public static final String ISSUER = "tiktimer-auth";
    public static final String AUDIENCE = "tiktimer";
    public static final String JWKS_PATH = "/.well-known/jwks.json";

    private final RsaJsonWebKey key;
    private final RsaJsonWebKey strangerKey;
    private final HttpServer server;

    private TestJwtIssuer(RsaJsonWebKey key, RsaJsonWebKey strangerKey, HttpServer server) {
        this.key = key;
        this.strangerKey = strangerKey;
        this.server = server;
    }

    public static TestJwtIssuer start() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("test-" + UUID.randomUUID());
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            key.setUse("sig");
            RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
            stranger.setKeyId(key.getKeyId()); // same kid, other key: only the signature can tell them apart
            byte[] jwks = new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
                    .getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress(Ports.LOOPBACK, 0), 0);
            server.createContext(JWKS_PATH, exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            return new TestJwtIssuer(key, stranger, server);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jwksUrl() {
        return "http://" + Ports.LOOPBACK + ":" + server.getAddress().getPort() + JWKS_PATH;
    }

    /** An access token for a user, as auth-service issues it: {@code sub} = user id, group {@code user}. */
    public String userToken(long userId, String username) {
        return sign(claims(String.valueOf(userId), username, List.of("user"), ISSUER, AUDIENCE, 1800), key);
    }

    /** A client-credentials token for another service, carrying that service's role as its group. */
    public String serviceToken(String clientId, String role) {
        return sign(claims(clientId, clientId, List.of(role), ISSUER, AUDIENCE, 300), key);
    }

    /** Tokens that look right but must be refused with 401 by every service. */
    public Forgeries forgeriesFor(long userId, String username) {
        String good = userToken(userId, username);
        String[] parts = good.split("\\.");
        String tamperedPayload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"sub\":\"" + userId + "\"", "\"sub\":\"" + (userId + 1) + "\"");
        String tampered = parts[0] + "."
                + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(tamperedPayload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        return new Forgeries(
                sign(claims(String.valueOf(userId), username, List.of("user"), ISSUER, AUDIENCE, 1800), strangerKey),
                unsigned(claims(String.valueOf(userId), username, List.of("user"), ISSUER, AUDIENCE, 1800)),
                hmacWithPublicKey(claims(String.valueOf(userId), username, List.of("user"), ISSUER, AUDIENCE, 1800)),
                sign(claims(String.valueOf(userId), username, List.of("user"), "https://evil.example", AUDIENCE, 1800),
                        key),
                sign(claims(String.valueOf(userId), username, List.of("user"), ISSUER, "another-api", 1800), key),
                sign(claims(String.valueOf(userId), username, List.of("user"), ISSUER, AUDIENCE, -120), key),
                tampered);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static JwtClaims claims(String subject, String upn, List<String> groups, String issuer, String audience,
                                    long lifetimeSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setClaim("upn", upn);
        claims.setStringListClaim("groups", groups);
        NumericDate now = NumericDate.now();
        claims.setIssuedAt(lifetimeSeconds < 0 ? NumericDate.fromSeconds(now.getValue() + lifetimeSeconds - 60) : now);
        claims.setExpirationTime(NumericDate.fromSeconds(now.getValue() + lifetimeSeconds));
        claims.setGeneratedJwtId();
        return claims;
    }

    private static String sign(JwtClaims claims, RsaJsonWebKey signingKey) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey.getPrivateKey());
        jws.setKeyIdHeaderValue(signingKey.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return serialize(jws);
    }

    private static String unsigned(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        return serialize(jws);
    }

    /** The classic algorithm-confusion attack: HS256 keyed with bytes of the public key. */
    private String hmacWithPublicKey(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(new HmacKey(key.getRsaPublicKey().getEncoded()));
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setDoKeyValidation(false);
        return serialize(jws);
    }

    private static String serialize(JsonWebSignature jws) {
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each field is a token a verifier must refuse, named after what is wrong with it. */
    public record Forgeries(String signedByAnotherKey, String algNone, String hmacWithPublicKey, String wrongIssuer,
                            String wrongAudience, String expired, String tamperedPayload) {

        public List<String> all() {
            return List.of(signedByAnotherKey, algNone, hmacWithPublicKey, wrongIssuer, wrongAudience, expired,
                    tamperedPayload);
        }
    }
}
