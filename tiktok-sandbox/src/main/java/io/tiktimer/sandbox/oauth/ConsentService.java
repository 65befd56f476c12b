package io.tiktimer.sandbox.oauth;

import io.tiktimer.sandbox.ConsentDecision;
import io.tiktimer.sandbox.SandboxCreator;
import io.tiktimer.sandbox.Scopes;
import io.tiktimer.sandbox.state.AuthorizationCode;
import io.tiktimer.sandbox.state.SandboxState;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a consent decision into the callback redirect TikTok would send the browser to. */
public final class ConsentService {
    private final SandboxState state;

    public ConsentService(SandboxState state) {
        this.state = state;
    }

    public URI decide(AuthorizeCheck.Valid request, ConsentDecision decision) {
        if (!decision.approved()) {
            return errorRedirect(request.redirectUri(), request.state(), "access_denied", "The user denied the request.");
        }
        Optional<SandboxCreator> creator = state.creator(decision.openId());
        if (creator.isEmpty()) {
            throw new IllegalArgumentException("No sandbox creator with open_id " + decision.openId());
        }
        Set<String> targets = request.app().sandboxTargetOpenIds();
        if (!targets.isEmpty() && !targets.contains(decision.openId())) {
            return errorRedirect(request.redirectUri(), request.state(), "non_sandbox_target",
                    "The user is not a target user of this sandbox app.");
        }
        Set<String> granted = grantedScopes(request.requestedScopes(), decision);
        AuthorizationCode code = state.tokens().issueCode(request.app().clientKey(), request.redirectUri(),
                decision.openId(), granted, state.now().plus(state.config().authorizationCodeTtl()));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code.code());
        params.put("scopes", Scopes.join(granted));
        putState(params, request.state());
        return withQuery(request.redirectUri(), params);
    }

    public static URI errorRedirect(String redirectUri, String stateParam, String error, String description) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        putState(params, stateParam);
        return withQuery(redirectUri, params);
    }

    private static Set<String> grantedScopes(Set<String> requested, ConsentDecision decision) {
        Set<String> granted = new LinkedHashSet<>(requested);
        decision.grantedScopes().ifPresent(chosen -> granted.removeIf(
                scope -> !chosen.contains(scope) && !Scopes.USER_INFO_BASIC.equals(scope)));
        return granted;
    }

    private static void putState(Map<String, String> params, String stateParam) {
        if (stateParam != null) {
            params.put("state", stateParam);
        }
    }

    private static URI withQuery(String base, Map<String, String> params) {
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(base + (base.contains("?") ? "&" : "?") + query);
    }
}
