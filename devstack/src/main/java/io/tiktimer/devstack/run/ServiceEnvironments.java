package io.tiktimer.devstack.run;

import io.tiktimer.devstack.S3Server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment each service is configured with on one machine, exactly as a container gets it: {@code ./run}
 * ({@link LocalStack}) and the chaos harness build their stacks from these, so both run the services the same way.
 * {@code common} holds what every service shares (database, Kafka, {@link #jwt}); {@code tiktok} TikTok's URLs,
 * client key and secret, and redirect URI; {@code s3} the media bucket and how to reach it.
 */
public final class ServiceEnvironments {

    /** The services that call others with a client-credentials token from auth-service. */
    static final List<String> SERVICE_CLIENTS = List.of("post-service", "publisher-worker", "tiktok-service");
    private static final String KEY_ID = "local-1";

    private ServiceEnvironments() {
    }

    /** How every service verifies tokens, and where the service clients get theirs. */
    public static Map<String, String> jwt(String authServiceUrl) {
        return Map.of("JWT_JWKS_URL", authServiceUrl + "/.well-known/jwks.json", "JWT_ISSUER", "tiktimer-auth",
                "JWT_AUDIENCE", "tiktimer", "AUTH_URL", authServiceUrl);
    }

    /** How to reach devstack's S3-compatible server (the bucket and region are the caller's). */
    public static Map<String, String> embeddedS3(String endpoint) {
        Map<String, String> s3 = new HashMap<>();
        s3.put("QUARKUS_S3_ENDPOINT_OVERRIDE", endpoint);
        s3.put("QUARKUS_S3_PATH_STYLE_ACCESS", "true");
        s3.put("QUARKUS_S3_AWS_CREDENTIALS_TYPE", "static");
        s3.put("QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", S3Server.ACCESS_KEY);
        s3.put("QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
        return s3;
    }

    public static Map<String, String> authService(Map<String, String> common, LocalSecrets secrets,
                                                  String tiktokServiceUrl) {
        Map<String, String> auth = new HashMap<>(common);
        auth.put("AUTH_JWT_PRIVATE_KEY", secrets.jwtSigningKeyPem());
        auth.put("AUTH_JWT_KEY_ID", KEY_ID);
        // Login throttling is per client address: trust X-Forwarded-For from the gateway, which runs on loopback.
        auth.put("AUTH_PROXY_FORWARDING", "true");
        auth.put("AUTH_TRUSTED_PROXIES", "127.0.0.1");
        auth.put("TIKTOK_SERVICE_URL", tiktokServiceUrl);
        // Everyone on one machine signs up from 127.0.0.1; the per-address sign-up limit is for the internet.
        auth.put("AUTH_REGISTRATION_ADDRESS_LIMIT", "10000");
        for (String client : SERVICE_CLIENTS) {
            auth.put("AUTH_CLIENT_SECRET_" + client.toUpperCase().replace('-', '_'), secrets.clientSecret(client));
        }
        return auth;
    }

    public static Map<String, String> tiktokService(Map<String, String> common, Map<String, String> tiktok,
                                                    LocalSecrets secrets) {
        Map<String, String> env = new HashMap<>(common);
        env.putAll(tiktok);
        env.put("SERVICE_CLIENT_SECRET", secrets.clientSecret("tiktok-service"));
        env.put("TIKTOK_TOKEN_KEYS", KEY_ID + ":" + secrets.aesKey("tiktok-token-encryption"));
        env.put("TIKTOK_TOKEN_ACTIVE_KEY_ID", KEY_ID);
        return env;
    }

    public static Map<String, String> postService(Map<String, String> common, Map<String, String> s3,
                                                  LocalSecrets secrets, String tiktokServiceUrl) {
        Map<String, String> env = new HashMap<>(common);
        env.putAll(s3);
        env.put("SERVICE_CLIENT_SECRET", secrets.clientSecret("post-service"));
        env.put("TIKTOK_SERVICE_URL", tiktokServiceUrl);
        return env;
    }

    public static Map<String, String> publisherWorker(Map<String, String> common, Map<String, String> s3,
                                                      Map<String, String> tiktok, LocalSecrets secrets,
                                                      String tiktokServiceUrl) {
        Map<String, String> env = new HashMap<>(common);
        env.putAll(s3);
        env.putAll(tiktok);
        env.put("SERVICE_CLIENT_SECRET", secrets.clientSecret("publisher-worker"));
        env.put("TIKTOK_SERVICE_URL", tiktokServiceUrl);
        return env;
    }
}
