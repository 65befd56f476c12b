package io.tiktimer.publisher.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.tiktimer.devstack.Ports;
import io.tiktimer.devstack.QuarkusAppProcess;
import io.tiktimer.devstack.RepositoryLayout;
import io.tiktimer.devstack.testing.TestJwtIssuer;
import io.tiktimer.sandbox.ConsentDecision;
import io.tiktimer.sandbox.SandboxCreator;
import io.tiktimer.sandbox.TikTokSandbox;
import io.tiktimer.sandbox.testing.TikTokSandboxResource;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real tiktok-service, from its packaged jar ({@code tiktok-service/target/quarkus-app/quarkus-run.jar}), as a
 * child process configured only by environment variables, exactly as it runs in production: its own schema in the
 * test PostgreSQL, the test Kafka broker, JWTs verified against the test issuer's JWKS, TikTok = the sandbox, and a
 * fresh AES token key per run. Accounts are connected the way a user connects them: the user's bearer token asks
 * tiktok-service for the authorization URL, the creator consents at the (sandbox) TikTok, and the browser follows the
 * redirect to tiktok-service's callback, which exchanges the code and stores the tokens encrypted.
 */
public final class TikTokServiceProcess implements AutoCloseable {
    public static final String CALLBACK_PATH = "/api/v1/auth/tiktok/callback";
    /** The service client publisher-worker authenticates as; tiktok-service's internal API allows only this role. */
    public static final String WORKER_CLIENT_ID = "publisher-worker";

    /** A TikTok account connected to a TikTimer user through tiktok-service; {@code accountId} is tiktok-service's. */
    public record Account(long accountId, long userId, String openId) {
    }

    private final QuarkusAppProcess app;
    private final TikTokSandbox sandbox;
    private final TestJwtIssuer jwt;
    /** Keeps cookies like the user's browser: only the browser that asked for the consent URL may complete it. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(new java.net.CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private TikTokServiceProcess(QuarkusAppProcess app, TikTokSandbox sandbox, TestJwtIssuer jwt) {
        this.app = app;
        this.sandbox = sandbox;
        this.jwt = jwt;
    }

    /**
     * Starts tiktok-service against the given infrastructure and waits until it is ready. The sandbox must know the
     * test app ({@link TikTokSandboxResource#CLIENT_KEY}); tiktok-service's callback URL is registered with it here.
     */
    public static TikTokServiceProcess start(String jdbcUrl, String dbUser, String dbPassword, String kafkaBootstrap,
                                             TestJwtIssuer jwt, TikTokSandbox sandbox, Path log) {
        int port = Ports.free();
        String redirectUri = "http://" + Ports.LOOPBACK + ":" + port + CALLBACK_PATH;
        sandbox.app(TikTokSandboxResource.CLIENT_KEY)
                .orElseThrow(() -> new IllegalStateException("the sandbox does not know the test app"))
                .redirectUri(redirectUri);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String keyId = "test-" + UUID.randomUUID().toString().substring(0, 8);

        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", jdbcUrl);
        env.put("DB_USER", dbUser);
        env.put("DB_PASSWORD", dbPassword);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("JWT_JWKS_URL", jwt.jwksUrl());
        env.put("JWT_ISSUER", TestJwtIssuer.ISSUER);
        env.put("JWT_AUDIENCE", TestJwtIssuer.AUDIENCE);
        env.put("TIKTOK_AUTH_BASE_URL", sandbox.authBaseUrl());
        env.put("TIKTOK_API_BASE_URL", sandbox.apiBaseUrl());
        env.put("TIKTOK_CLIENT_KEY", TikTokSandboxResource.CLIENT_KEY);
        env.put("TIKTOK_CLIENT_SECRET", TikTokSandboxResource.CLIENT_SECRET);
        env.put("TIKTOK_REDIRECT_URI", redirectUri);
        env.put("TIKTOK_TOKEN_KEYS", keyId + ":" + Base64.getEncoder().encodeToString(key));
        env.put("TIKTOK_TOKEN_ACTIVE_KEY_ID", keyId);
        QuarkusAppProcess app = QuarkusAppProcess.start("tiktok-service", RepositoryLayout.quarkusRunJar("tiktok-service"),
                port, env, List.of("-Xmx192m"), log, Duration.ofSeconds(120));
        return new TikTokServiceProcess(app, sandbox, jwt);
    }

    /** What publisher-worker is configured with as {@code TIKTOK_SERVICE_URL}. */
    public String baseUrl() {
        return app.baseUrl();
    }

    public String logTail() {
        return app.logTail();
    }

    /** Registers a TikTok creator no other test uses and connects it for {@code userId}. */
    public Account connectNewCreator(String namePrefix, long userId, boolean privateAccount) {
        String openId = "-pw-" + namePrefix + "-" + UUID.randomUUID();
        sandbox.registerCreator(new SandboxCreator(openId, namePrefix + userId).privateAccount(privateAccount));
        return connectAccount(userId, openId);
    }

    /**
     * Connects the sandbox creator {@code openId} to TikTimer user {@code userId} through tiktok-service's OAuth flow
     * and returns the stored account.
     */
    public Account connectAccount(long userId, String openId) {
        String userToken = userToken(userId);
        JsonNode authorize = json(send(HttpRequest.newBuilder(uri("/api/v1/auth/tiktok/authorize"))
                .header("Authorization", "Bearer " + userToken).GET(), 200));
        String authorizationUrl = authorize.path("authorization_url").asText();
        // the creator logs in at TikTok and approves every scope TikTimer asked for
        URI callback = sandbox.authorize(authorizationUrl, ConsentDecision.approveAs(openId));
        if (!callback.toString().startsWith(baseUrl() + CALLBACK_PATH + "?")) {
            throw new IllegalStateException("TikTok redirected elsewhere: " + callback);
        }
        // the browser follows TikTok's redirect to tiktok-service's callback with the binding cookie authorize set
        String page = send(HttpRequest.newBuilder(callback).GET(), 200);
        if (!page.contains("TikTok account connected")) {
            throw new IllegalStateException("the callback did not connect the account: " + page);
        }
        for (JsonNode account : json(send(HttpRequest.newBuilder(uri("/api/v1/tiktok/accounts"))
                .header("Authorization", "Bearer " + userToken).GET(), 200))) {
            if (openId.equals(account.path("open_id").asText())) {
                return new Account(account.path("id").asLong(), userId, openId);
            }
        }
        throw new IllegalStateException("account " + openId + " is not listed for user " + userId);
    }

    /** The account as its owner sees it in TikTimer ({@code status}: connected / needs_reconnect, expiries, ...). */
    public JsonNode account(Account account) {
        return json(send(HttpRequest.newBuilder(uri("/api/v1/tiktok/accounts/" + account.accountId()))
                .header("Authorization", "Bearer " + userToken(account.userId())).GET(), 200));
    }

    /** The access token tiktok-service currently hands publisher-worker for the account (no forced refresh). */
    public String currentAccessToken(Account account) {
        String body = "{\"userId\":" + account.userId() + "}";
        return json(send(HttpRequest.newBuilder(uri("/internal/accounts/" + account.accountId() + "/access-token"))
                .header("Authorization", "Bearer " + jwt.serviceToken(WORKER_CLIENT_ID))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), 200)).path("accessToken").asText();
    }

    /**
     * The creator removes TikTimer under "Manage app permissions" in the TikTok app: TikTok revokes the consent, so
     * every access and refresh token of it is dead (the sandbox's revoke endpoint, as TikTok documents it).
     */
    public void creatorRevokesAccess(Account account) {
        String form = "client_key=" + enc(TikTokSandboxResource.CLIENT_KEY) + "&client_secret="
                + enc(TikTokSandboxResource.CLIENT_SECRET) + "&token=" + enc(currentAccessToken(account));
        send(HttpRequest.newBuilder(URI.create(sandbox.apiBaseUrl() + "/v2/oauth/revoke/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), 200);
    }

    private String userToken(long userId) {
        return jwt.userToken(userId, "user" + userId);
    }

    private URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    private String send(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                        + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return Kafka.JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** SIGTERM (graceful shutdown), then waits until the port is free. */
    @Override
    public void close() {
        app.close();
    }
}
