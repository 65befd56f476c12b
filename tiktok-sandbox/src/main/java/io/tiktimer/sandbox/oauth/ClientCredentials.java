package io.tiktimer.sandbox.oauth;

import io.tiktimer.sandbox.SandboxApp;
import io.tiktimer.sandbox.state.SandboxState;
import io.vertx.core.MultiMap;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The client_key / client_secret pair every OAuth POST carries in its form body. */
final class ClientCredentials {
    private ClientCredentials() {
    }

    static Optional<SandboxApp> authenticate(SandboxState state, MultiMap form) {
        String secret = form.get("client_secret");
        return state.app(form.get("client_key")).filter(app -> secret != null && MessageDigest.isEqual(
                secret.getBytes(StandardCharsets.UTF_8), app.clientSecret().getBytes(StandardCharsets.UTF_8)));
    }

    static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded");
    }
}
