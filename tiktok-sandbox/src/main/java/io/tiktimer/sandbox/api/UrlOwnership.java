package io.tiktimer.sandbox.api;

import io.tiktimer.sandbox.SandboxApp;
import java.net.URI;
import java.util.regex.Pattern;

/** PULL_FROM_URL rules: https, a domain rather than an IP, and a verified domain or URL prefix of the app. */
final class UrlOwnership {
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");

    private UrlOwnership() {
    }

    static boolean isVerified(SandboxApp app, URI url) {
        String host = url.getHost();
        if (!"https".equalsIgnoreCase(url.getScheme()) || host == null || IPV4.matcher(host).matches() || host.contains(":")
                || host.startsWith("[")) {
            return false;
        }
        String lowerHost = host.toLowerCase();
        String text = url.toString();
        return app.verifiedUrlPrefixes().stream().anyMatch(text::startsWith)
                || app.verifiedDomains().stream().anyMatch(d -> lowerHost.equals(d) || lowerHost.endsWith("." + d));
    }
}
