package io.tiktimer.sandbox.oauth;

import io.tiktimer.sandbox.SandboxApp;
import io.tiktimer.sandbox.Scopes;
import io.tiktimer.sandbox.state.SandboxState;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The checks TikTok's authorize page makes on {@code client_key}, {@code redirect_uri}, {@code response_type} and {@code scope}. */
public final class AuthorizeValidator {
    private final SandboxState state;

    public AuthorizeValidator(SandboxState state) {
        this.state = state;
    }

    public AuthorizeCheck check(Function<String, String> param) {
        Optional<SandboxApp> app = state.app(param.apply("client_key"));
        if (app.isEmpty()) {
            return new AuthorizeCheck.PageError("invalid_client", "client_key is missing or unknown.");
        }
        String redirectUri = param.apply("redirect_uri");
        if (!app.get().isRegisteredRedirectUri(redirectUri)) {
            return new AuthorizeCheck.PageError("invalid_request",
                    "redirect_uri does not exactly match a URI registered for this app.");
        }
        String stateParam = param.apply("state");
        if (!"code".equals(param.apply("response_type"))) {
            return new AuthorizeCheck.RedirectError(redirectUri, stateParam, "unsupported_response_type",
                    "response_type must be code.");
        }
        Set<String> requested = Scopes.parse(param.apply("scope"));
        if (requested.isEmpty()) {
            return new AuthorizeCheck.RedirectError(redirectUri, stateParam, "invalid_scope", "scope is required.");
        }
        Set<String> approved = app.get().approvedScopes();
        for (String scope : requested) {
            if (!approved.contains(scope)) {
                return new AuthorizeCheck.RedirectError(redirectUri, stateParam, "invalid_scope",
                        "The scope '" + scope + "' is unknown or not approved for this app; scopes are comma-separated.");
            }
        }
        return new AuthorizeCheck.Valid(app.get(), redirectUri, requested, stateParam);
    }
}
