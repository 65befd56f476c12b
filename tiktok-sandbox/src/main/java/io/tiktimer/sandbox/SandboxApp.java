package io.tiktimer.sandbox;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * A developer app as configured in TikTok's portal. Mutable on purpose: a test may flip the audit flag
 * or the active-user cap between two calls, exactly as TikTok's review can change them under a running client.
 */
public final class SandboxApp {
    /** TikTok's documented limit for apps that have not passed the audit. */
    public static final int UNAUDITED_ACTIVE_USER_CAP = 5;

    private final String clientKey;
    private volatile String clientSecret;
    private final List<String> redirectUris = new CopyOnWriteArrayList<>();
    private final Set<String> approvedScopes = new CopyOnWriteArraySet<>(Scopes.ALL);
    private volatile boolean audited = true;
    private final List<String> verifiedUrlPrefixes = new CopyOnWriteArrayList<>();
    private final List<String> verifiedDomains = new CopyOnWriteArrayList<>();
    private volatile Integer activeUserCap;
    private volatile RefreshRotation refreshRotation = RefreshRotation.ALWAYS;
    private volatile boolean rotatedOutRefreshTokenStaysValid;
    private volatile boolean refreshAlwaysFails;
    private final Set<String> sandboxTargetOpenIds = new CopyOnWriteArraySet<>();

    public SandboxApp(String clientKey, String clientSecret) {
        this.clientKey = clientKey;
        this.clientSecret = clientSecret;
    }

    public String clientKey() {
        return clientKey;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public SandboxApp clientSecret(String secret) {
        this.clientSecret = secret;
        return this;
    }

    public List<String> redirectUris() {
        return List.copyOf(redirectUris);
    }

    public SandboxApp redirectUri(String uri) {
        if (!redirectUris.contains(uri)) {
            redirectUris.add(uri);
        }
        return this;
    }

    public Set<String> approvedScopes() {
        return Set.copyOf(approvedScopes);
    }

    public SandboxApp approvedScopes(Collection<String> scopes) {
        approvedScopes.clear();
        approvedScopes.addAll(scopes);
        return this;
    }

    public boolean audited() {
        return audited;
    }

    public SandboxApp audited(boolean value) {
        this.audited = value;
        return this;
    }

    public List<String> verifiedUrlPrefixes() {
        return List.copyOf(verifiedUrlPrefixes);
    }

    /** A URL-prefix property, e.g. {@code https://media.example.com/videos/}. */
    public SandboxApp verifiedUrlPrefix(String prefix) {
        verifiedUrlPrefixes.add(prefix);
        return this;
    }

    public List<String> verifiedDomains() {
        return List.copyOf(verifiedDomains);
    }

    /** A domain property: covers the domain and all its subdomains. */
    public SandboxApp verifiedDomain(String domain) {
        verifiedDomains.add(domain.toLowerCase());
        return this;
    }

    /** The configured cap, else 5 for unaudited apps and unlimited for audited ones. */
    public int effectiveActiveUserCap() {
        Integer cap = activeUserCap;
        if (cap != null) {
            return cap;
        }
        return audited ? Integer.MAX_VALUE : UNAUDITED_ACTIVE_USER_CAP;
    }

    public SandboxApp activeUserCap(int cap) {
        this.activeUserCap = cap;
        return this;
    }

    public RefreshRotation refreshRotation() {
        return refreshRotation;
    }

    public SandboxApp refreshRotation(RefreshRotation rotation) {
        this.refreshRotation = rotation;
        return this;
    }

    public boolean rotatedOutRefreshTokenStaysValid() {
        return rotatedOutRefreshTokenStaysValid;
    }

    public SandboxApp rotatedOutRefreshTokenStaysValid(boolean value) {
        this.rotatedOutRefreshTokenStaysValid = value;
        return this;
    }

    public boolean refreshAlwaysFails() {
        return refreshAlwaysFails;
    }

    /** Mimics the reported behaviour of TikTok sandbox apps whose every refresh is {@code invalid_grant}. */
    public SandboxApp refreshAlwaysFails(boolean value) {
        this.refreshAlwaysFails = value;
        return this;
    }

    public Set<String> sandboxTargetOpenIds() {
        return Set.copyOf(sandboxTargetOpenIds);
    }

    /** Once any target is set the app behaves as a TikTok sandbox app: other users get {@code non_sandbox_target}. */
    public SandboxApp sandboxTarget(String openId) {
        sandboxTargetOpenIds.add(openId);
        return this;
    }

    public boolean isRegisteredRedirectUri(String uri) {
        return uri != null && redirectUris.contains(uri);
    }
}
