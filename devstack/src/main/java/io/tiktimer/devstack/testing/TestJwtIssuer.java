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
    public static final String TOKEN_PATH = "/oauth/token";
    /** The secret every service client presents to this stand-in; real secrets come from configuration. */
    public static final String CLIENT_SECRET = "devstack-client-secret";

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
            TestJwtIssuer issuer = new TestJwtIssuer(key, stranger, server);
            server.createContext(TOKEN_PATH, issuer::clientCredentialsGrant);
            server.start();
            return issuer;
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
        return userToken(userId, username, 1800);
    }

    /** A user's access token of one sign-in session ({@code sid}), as auth-service issues it to a person. */
    public String userToken(long userId, String username, String sessionId) {
        JwtClaims claims = claims(String.valueOf(userId), username, List.of("user"), ISSUER, AUDIENCE, 1800);
        claims.setClaim("sid", sessionId);
        return sign(claims, key);
    }

    /** A user's access token that expires {@code lifetimeSeconds} from now. */
    public String userToken(long userId, String username, long lifetimeSeconds) {
        return sign(claims(String.valueOf(userId), username, List.of("user"), ISSUER, AUDIENCE, lifetimeSeconds), key);
    }

    /** Base URL of the token endpoint, i.e. what services configure as {@code quarkus.oidc-client.auth-server-url}. */
    public String baseUrl() {
        return "http://" + Ports.LOOPBACK + ":" + server.getAddress().getPort();
    }

    /**
     * A client-credentials token for another service, as auth-service issues it: {@code sub} = client id, groups
     * {@code service} and the client id (endpoints allow a caller with {@code @RolesAllowed("publisher-worker")}).
     */
    public String serviceToken(String clientId) {
        return sign(claims(clientId, clientId, List.of("service", clientId), ISSUER, AUDIENCE, 300), key);
    }

    /** OAuth2 client_credentials (RFC 6749 §4.4), client authenticated by form fields or HTTP Basic. */
    private void clientCredentialsGrant(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        java.util.Map<String, String> form = new java.util.HashMap<>();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String[] idAndSecret = new String(java.util.Base64.getDecoder().decode(authorization.substring(6)),
                    StandardCharsets.UTF_8).split(":", 2);
            form.put("client_id", java.net.URLDecoder.decode(idAndSecret[0], StandardCharsets.UTF_8));
            form.put("client_secret", java.net.URLDecoder.decode(idAndSecret[1], StandardCharsets.UTF_8));
        }
        boolean granted = "POST".equals(exchange.getRequestMethod())
                && "client_credentials".equals(form.get("grant_type"))
                && form.get("client_id") != null
                && CLIENT_SECRET.equals(form.get("client_secret"));
        String json = granted
                ? "{\"access_token\":\"" + serviceToken(form.get("client_id"))
                  + "\",\"token_type\":\"Bearer\",\"expires_in\":300}"
                : "{\"error\":\"invalid_client\"}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(granted ? 200 : 401, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Tokens that look right but must be refused with 401 by every service. */
    public Forgeries forgeriesFor(long userId, String username) {
        String subject = String.valueOf(userId);
        List<String> user = List.of("user");
        String tampered = withSubject(userToken(userId, username), userId + 1);
        long now = NumericDate.now().getValue();
        JwtClaims fromTheFuture = claims(subject, username, user, ISSUER, AUDIENCE, 1800);
        fromTheFuture.setIssuedAt(NumericDate.fromSeconds(now + 365L * 24 * 3600));
        fromTheFuture.setExpirationTime(NumericDate.fromSeconds(now + 365L * 24 * 3600 + 1800));
        JwtClaims notYetValid = claims(subject, username, user, ISSUER, AUDIENCE, 1800);
        notYetValid.setNotBefore(NumericDate.fromSeconds(now + 24 * 3600));
        JwtClaims withoutExpiry = claims(subject, username, user, ISSUER, AUDIENCE, 1800);
        withoutExpiry.unsetClaim("exp");
        return new Forgeries(
                sign(claims(subject, username, user, ISSUER, AUDIENCE, 1800), strangerKey),
                unsigned(claims(subject, username, user, ISSUER, AUDIENCE, 1800)),
                hmacWithPublicKey(claims(subject, username, user, ISSUER, AUDIENCE, 1800)),
                sign(claims(subject, username, user, "https://evil.example", AUDIENCE, 1800), key),
                sign(claims(subject, username, user, ISSUER, "another-api", 1800), key),
                sign(claims(subject, username, user, ISSUER, AUDIENCE, -120), key),
                tampered,
                sign(fromTheFuture, key),
                sign(notYetValid, key),
                sign(withoutExpiry, key),
                withHeaders(claims(subject, username, user, ISSUER, AUDIENCE, 1800), strangerKey,
                        java.util.Map.of("kid", "../../../../../dev/null")),
                withHeaders(claims(subject, username, user, ISSUER, AUDIENCE, 1800), strangerKey,
                        java.util.Map.of("kid", strangerKey.getKeyId(), "jku", "http://127.0.0.1:9/jwks.json",
                                "x5u", "http://127.0.0.1:9/cert.pem")),
                "not-a-jwt",
                "e30.e30.",
                // what a refresh token looks like: opaque, random; it is never a bearer credential
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        (subject + "-refresh-token-" + now).getBytes(StandardCharsets.UTF_8)));
    }

    /** The same header and signature over a payload that names another subject: a forgery every service must refuse. */
    public static String withSubject(String token, long subject) {
        String[] parts = token.split("\\.");
        try {
            JwtClaims claims = JwtClaims.parse(decode(parts[1]));
            claims.setSubject(String.valueOf(subject));
            return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(claims.toJson().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        } catch (org.jose4j.jwt.consumer.InvalidJwtException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    /** A token's {@code exp} in epoch milliseconds, read without verifying it. */
    public static long expiresAtMillis(String token) {
        try {
            return JwtClaims.parse(decode(token.split("\\.")[1])).getExpirationTime().getValueInMillis();
        } catch (org.jose4j.jwt.consumer.InvalidJwtException | org.jose4j.jwt.MalformedClaimException e) {
            throw new IllegalArgumentException("not a JWT with exp", e);
        }
    }

    private static String decode(String base64Url) {
        return new String(java.util.Base64.getUrlDecoder().decode(base64Url), StandardCharsets.UTF_8);
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

    /** Signed by a key the verifier does not trust, with headers that try to make it fetch or pick another key. */
    private static String withHeaders(JwtClaims claims, RsaJsonWebKey signingKey, java.util.Map<String, String> headers) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey.getPrivateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        headers.forEach(jws::setHeader);
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
                            String wrongAudience, String expired, String tamperedPayload, String issuedInTheFuture,
                            String notYetValid, String withoutExpiry, String kidPathInjection,
                            String jkuAndX5uInjection, String garbage, String emptyJwt, String opaqueRefreshToken) {

        public List<String> all() {
            return List.of(signedByAnotherKey, algNone, hmacWithPublicKey, wrongIssuer, wrongAudience, expired,
                    tamperedPayload, issuedInTheFuture, notYetValid, withoutExpiry, kidPathInjection,
                    jkuAndX5uInjection, garbage, emptyJwt, opaqueRefreshToken);
        }
    }
}
