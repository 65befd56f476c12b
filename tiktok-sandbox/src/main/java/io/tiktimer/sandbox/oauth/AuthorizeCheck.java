package io.tiktimer.sandbox.oauth;

import io.tiktimer.sandbox.SandboxApp;
import java.util.Set;

/** The outcome of validating an authorize request before any user interaction. */
public sealed interface AuthorizeCheck {

    /** TikTok shows its own error page: redirecting to an unverified URI would be an open redirect. */
    record PageError(String error, String description) implements AuthorizeCheck {
    }

    record RedirectError(String redirectUri, String state, String error, String description) implements AuthorizeCheck {
    }

    record Valid(SandboxApp app, String redirectUri, Set<String> requestedScopes, String state) implements AuthorizeCheck {
    }
}
