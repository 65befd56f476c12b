package io.tiktimer.sandbox.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tiktimer.sandbox.DemoAccounts;
import io.tiktimer.sandbox.SandboxApp;
import io.tiktimer.sandbox.TikTokSandbox;
import java.util.List;
import java.util.Map;

/**
 * One sandbox per test JVM, shared by every Quarkus test class that names this resource: starting it is cheap but
 * not free, and Quarkus restarts the application per test profile. Pass {@code redirect-uri} as an init arg when the
 * service under test uses another callback URL.
 */
public class TikTokSandboxResource implements QuarkusTestResourceLifecycleManager {
    public static final String CLIENT_KEY = "tiktimer-test-client";
    public static final String CLIENT_SECRET = "tiktimer-test-secret";
    public static final String DEFAULT_REDIRECT_URI = "http://localhost:8081/api/v1/auth/tiktok/callback";
    public static final String PUBLIC_CREATOR_OPEN_ID = DemoAccounts.PUBLIC_CREATOR_OPEN_ID;
    public static final String PRIVATE_CREATOR_OPEN_ID = DemoAccounts.PRIVATE_CREATOR_OPEN_ID;
    public static final String BANNED_CREATOR_OPEN_ID = DemoAccounts.BANNED_CREATOR_OPEN_ID;

    private static TikTokSandbox shared;

    private String redirectUri = DEFAULT_REDIRECT_URI;

    /** The sandbox of this JVM, started on first use. */
    public static synchronized TikTokSandbox sandbox() {
        if (shared == null) {
            shared = TikTokSandbox.start();
            shared.registerApp(DemoAccounts.app(CLIENT_KEY, CLIENT_SECRET, List.of(DEFAULT_REDIRECT_URI)));
            DemoAccounts.creators().forEach(shared::registerCreator);
            TikTokSandbox started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "tiktok-sandbox-shutdown"));
        }
        return shared;
    }

    public static SandboxApp app() {
        return sandbox().app(CLIENT_KEY).orElseThrow();
    }

    @Override
    public void init(Map<String, String> initArgs) {
        redirectUri = initArgs.getOrDefault("redirect-uri", DEFAULT_REDIRECT_URI);
    }

    @Override
    public Map<String, String> start() {
        TikTokSandbox sandbox = sandbox();
        app().redirectUri(redirectUri);
        return Map.of(
                "tiktok.auth-base-url", sandbox.authBaseUrl(),
                "tiktok.api-base-url", sandbox.apiBaseUrl(),
                "tiktok.client-key", CLIENT_KEY,
                "tiktok.client-secret", CLIENT_SECRET,
                "tiktok.redirect-uri", redirectUri);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(sandbox(),
                new TestInjector.AnnotatedAndMatchesType(InjectTikTokSandbox.class, TikTokSandbox.class));
    }

    /** The sandbox outlives the application; only faults are dropped so one test class cannot poison the next. */
    @Override
    public void stop() {
        if (shared != null) {
            shared.faults().clear();
        }
    }
}
