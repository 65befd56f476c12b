package io.tiktimer.sandbox;

import java.util.List;

/** The creators a local run and the test resource start with, so manual and automated runs see the same accounts. */
public final class DemoAccounts {
    public static final String PUBLIC_CREATOR_OPEN_ID = "-000demo-public-creator-0000000001";
    public static final String PRIVATE_CREATOR_OPEN_ID = "-000demo-private-creator-000000002";
    public static final String BANNED_CREATOR_OPEN_ID = "-000demo-banned-creator-0000000003";

    private DemoAccounts() {
    }

    public static List<SandboxCreator> creators() {
        return List.of(
                new SandboxCreator(PUBLIC_CREATOR_OPEN_ID, "demo.creator").displayName("Demo Creator")
                        .bioDescription("Public account of the TikTok sandbox").stats(1200, 80, 45000),
                new SandboxCreator(PRIVATE_CREATOR_OPEN_ID, "quiet.creator").displayName("Quiet Creator")
                        .privateAccount(true).commentDisabled(true).maxVideoPostDurationSec(180),
                new SandboxCreator(BANNED_CREATOR_OPEN_ID, "banned.creator").displayName("Banned Creator").banned(true));
    }

    public static SandboxApp app(String clientKey, String clientSecret, List<String> redirectUris) {
        SandboxApp app = new SandboxApp(clientKey, clientSecret);
        redirectUris.forEach(app::redirectUri);
        return app;
    }
}
