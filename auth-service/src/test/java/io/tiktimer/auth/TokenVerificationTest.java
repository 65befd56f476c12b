package io.tiktimer.auth;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Tokens from /token are what the design promises (claims, RS256, kid) and verify for any JWKS consumer over HTTP;
 * anything forged, expired or tampered is refused with 401 by auth-service's own endpoints.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(SigningKeyResource.class)
class TokenVerificationTest {

    @TestHTTPResource("/.well-known/jwks.json")
    URL jwksUrl;

    @Test
    void aGenericJwksConsumerVerifiesTheTokenOverHttpAndSeesTheAgreedClaims() throws Exception {
        Api.Account account = Api.register("jwks");
        String accessToken = Api.tokens(account)[0];

        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(jwksUrl.toString())))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer("tiktimer-auth")
                .setExpectedAudience("tiktimer")
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setRequireSubject()
                .build();
        JwtContext context = consumer.process(accessToken);
        JwtClaims claims = context.getJwtClaims();
        JsonWebStructure header = context.getJoseObjects().get(0);

        assertThat(header.getAlgorithmHeaderValue()).isEqualTo("RS256");
        assertThat(header.getKeyIdHeaderValue()).isEqualTo(SigningKeyResource.ACTIVE_KID);
        assertThat(claims.getSubject()).isEqualTo(String.valueOf(account.id()));
        assertThat(claims.getStringClaimValue("upn")).isEqualTo(account.username());
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("user");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(1800);
        assertThat(claims.getJwtId()).isNotBlank();
    }

    @Test
    void theJwksPublishesOnlyPublicKeysIncludingTheRetiredOne() {
        var keys = io.restassured.RestAssured.given().get("/.well-known/jwks.json")
                .then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
        assertThat(keys.getList("keys.kid", String.class))
                .containsExactlyInAnyOrder(SigningKeyResource.ACTIVE_KID, SigningKeyResource.RETIRED_KID);
        assertThat(keys.getList("keys.kty", String.class)).containsOnly("RSA");
        assertThat(keys.getList("keys.alg", String.class)).containsOnly("RS256");
        assertThat(keys.getList("keys.d")).containsOnly((Object) null);
        assertThat(keys.getList("keys.p")).containsOnly((Object) null);
    }

    @Test
    void aTokenSignedByTheRetiredKeyStillWorksDuringRotation() throws Exception {
        Api.Account account = Api.register("rotate");
        JwtClaims claims = claimsOf(Api.tokens(account)[0]);
        String reSigned = sign(claims, SigningKeyResource.retired(), SigningKeyResource.RETIRED_KID);
        Api.bearer(reSigned).get("/users/me").then().statusCode(200).body("id", equalTo((int) account.id()));
    }

    @Test
    void forgedExpiredOrTamperedTokensAreRefusedWith401() throws Exception {
        Api.Account account = Api.register("forge");
        String genuine = Api.tokens(account)[0];
        Api.bearer(genuine).get("/users/me").then().statusCode(200);
        JwtClaims claims = claimsOf(genuine);
        RsaJsonWebKey active = SigningKeyResource.active();

        Map<String, String> forgeries = new LinkedHashMap<>();
        RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        forgeries.put("signed by another key under our kid", sign(claims, stranger, SigningKeyResource.ACTIVE_KID));
        forgeries.put("alg none", unsigned(claims));
        forgeries.put("HS256 keyed with our public key", hmacWithPublicKey(claims, active));
        forgeries.put("wrong issuer", sign(with(claims, c -> c.setIssuer("https://evil.example")), active,
                SigningKeyResource.ACTIVE_KID));
        forgeries.put("wrong audience", sign(with(claims, c -> c.setAudience("another-api")), active,
                SigningKeyResource.ACTIVE_KID));
        forgeries.put("expired", sign(with(claims, c -> {
            c.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 3600));
            c.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 120));
        }), active, SigningKeyResource.ACTIVE_KID));
        forgeries.put("tampered payload", tamper(genuine, account.id()));
        forgeries.put("session that never existed", sign(with(claims,
                c -> c.setClaim("sid", java.util.UUID.randomUUID().toString())), active, SigningKeyResource.ACTIVE_KID));

        // the control: the same helpers, honestly used, make a token that is accepted; so each refusal below is due to
        // the one thing its forgery changed, not to a broken helper
        Api.bearer(sign(claims, active, SigningKeyResource.ACTIVE_KID)).get("/users/me").then().statusCode(200);

        Map<String, Integer> answers = new LinkedHashMap<>();
        forgeries.forEach((what, token) -> {
            assertThat(token).as(what).isNotEqualTo(genuine);
            var answer = Api.bearer(token).get("/users/me").then().extract();
            answers.put(what, answer.statusCode());
            assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
        });
        assertThat(answers).as("forgeries accepted or answered otherwise than 401")
                .allSatisfy((what, status) -> assertThat(status).as(what).isEqualTo(401));
    }

    @Test
    void aServiceTokenIsNoUserToken() {
        String serviceToken = io.restassured.RestAssured.given()
                .auth().preemptive().basic("publisher-worker", SigningKeyResource.PUBLISHER_WORKER_SECRET)
                .contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(200).extract().jsonPath().getString("access_token");
        Api.bearer(serviceToken).get("/users/me").then().statusCode(403).contentType("application/problem+json");
    }

    static JwtClaims claimsOf(String token) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JwtClaims.parse(payload);
    }

    private static JwtClaims with(JwtClaims original, java.util.function.Consumer<JwtClaims> change) throws Exception {
        JwtClaims copy = JwtClaims.parse(original.toJson());
        change.accept(copy);
        return copy;
    }

    static String sign(JwtClaims claims, RsaJsonWebKey key, String kid) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static String unsigned(JwtClaims claims) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        return jws.getCompactSerialization();
    }

    private static String hmacWithPublicKey(JwtClaims claims, RsaJsonWebKey key) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(new HmacKey(key.getRsaPublicKey().getEncoded()));
        jws.setKeyIdHeaderValue(SigningKeyResource.ACTIVE_KID);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setDoKeyValidation(false);
        return jws.getCompactSerialization();
    }

    /** Keeps header and signature, changes the subject to another user. */
    private static String tamper(String token, long userId) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"sub\":\"" + userId + "\"", "\"sub\":\"" + (userId + 1) + "\"");
        assertThat(payload).contains("\"sub\":\"" + (userId + 1) + "\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    static List<String> groupsOf(String token) throws Exception {
        return claimsOf(token).getStringListClaimValue("groups");
    }
}
