package io.tiktimer.sandbox;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Starts the sandbox for a local run with one demo app and the demo creators. Every setting is read from a system
 * property or the matching environment variable ({@code tiktok.sandbox.api-port} or {@code TIKTOK_SANDBOX_API_PORT}).
 */
public final class SandboxMain {
    private static final String DEFAULT_CLIENT_KEY = "tiktimer-local";
    private SandboxMain() {
    }

    public static void main(String[] args) {
        TikTokSandbox sandbox = launch();
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "tiktok-sandbox-shutdown"));
        SandboxApp app = sandbox.app(setting("tiktok.client-key", DEFAULT_CLIENT_KEY)).orElseThrow();
        System.out.println("TikTok sandbox ready");
        System.out.println("  tiktok.auth-base-url=" + sandbox.authBaseUrl());
        System.out.println("  tiktok.api-base-url=" + sandbox.apiBaseUrl());
        System.out.println("  upload host=" + sandbox.uploadBaseUrl());
        System.out.println("  tiktok.client-key=" + app.clientKey());
        System.out.println("  tiktok.redirect-uri=" + String.join(",", app.redirectUris()));
        System.out.println("  admin: " + sandbox.apiBaseUrl() + "/sandbox/admin/state");
    }

    /** Starts the sandbox with the demo app and creators as configured; the caller owns closing it. */
    public static TikTokSandbox launch() {
        SandboxConfig config = SandboxConfig.defaults()
                .host(setting("tiktok.sandbox.host", "127.0.0.1"))
                .authPort(Integer.parseInt(setting("tiktok.sandbox.auth-port", "8180")))
                .apiPort(Integer.parseInt(setting("tiktok.sandbox.api-port", "8181")))
                .uploadPort(Integer.parseInt(setting("tiktok.sandbox.upload-port", "8182")))
                .processingDelay(Duration.ofMillis(Long.parseLong(setting("tiktok.sandbox.processing-ms", "3000"))))
                .moderationDelay(Duration.ofMillis(Long.parseLong(setting("tiktok.sandbox.moderation-ms", "10000"))))
                .downloadDelay(Duration.ofMillis(Long.parseLong(setting("tiktok.sandbox.download-ms", "3000"))));
        String clientKey = setting("tiktok.client-key", DEFAULT_CLIENT_KEY);
        String clientSecret = setting("tiktok.client-secret", "tiktimer-local-secret");
        List<String> redirectUris = Arrays.stream(
                setting("tiktok.redirect-uri", "http://localhost:8080/api/v1/auth/tiktok/callback").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();

        TikTokSandbox sandbox = TikTokSandbox.start(config);
        SandboxApp app = sandbox.registerApp(DemoAccounts.app(clientKey, clientSecret, redirectUris));
        app.audited(Boolean.parseBoolean(setting("tiktok.sandbox.audited", "true")));
        String prefixes = setting("tiktok.sandbox.verified-url-prefixes", "");
        Arrays.stream(prefixes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(app::verifiedUrlPrefix);
        DemoAccounts.creators().forEach(sandbox::registerCreator);
        return sandbox;
    }

    static String setting(String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
