package io.tiktimer.sandbox.api;

import io.tiktimer.sandbox.SandboxApp;
import io.tiktimer.sandbox.SandboxCreator;
import io.tiktimer.sandbox.http.ApiCall;
import io.tiktimer.sandbox.http.ApiRefusal;
import io.tiktimer.sandbox.state.SandboxState;

/** The app and creator behind a token; both vanish only if a test removes them, which TikTok shows as a dead token. */
final class Lookups {
    private Lookups() {
    }

    static SandboxApp app(SandboxState state, ApiCall call) {
        return state.app(call.clientKey()).orElseThrow(Lookups::deadToken);
    }

    static SandboxCreator creator(SandboxState state, ApiCall call) {
        return state.creator(call.openId()).orElseThrow(Lookups::deadToken);
    }

    private static ApiRefusal deadToken() {
        return new ApiRefusal(401, "access_token_invalid", "The access token is invalid or not found in the request.");
    }
}
