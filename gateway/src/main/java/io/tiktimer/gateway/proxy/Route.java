package io.tiktimer.gateway.proxy;

/**
 * One line of the route table.
 *
 * @param path    an exact path, or a prefix ending in {@code /**} that matches the prefix itself and all below it
 * @param service the name of the service that serves it
 */
public record Route(String path, String service) {

    private static final String ANY_BELOW = "/**";

    public Route {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("A route path must start with '/': " + path);
        }
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("Route " + path + " names no service");
        }
    }

    public boolean matches(String requestPath) {
        if (!isPrefix()) {
            return requestPath.equals(path);
        }
        String prefix = prefix();
        return requestPath.equals(prefix) || requestPath.startsWith(prefix + "/");
    }

    public boolean isPrefix() {
        return path.endsWith(ANY_BELOW);
    }

    /** The path without the trailing {@code /**}. */
    public String prefix() {
        return isPrefix() ? path.substring(0, path.length() - ANY_BELOW.length()) : path;
    }

    /** More specific routes win: exact before prefix, longer prefix before shorter. */
    int specificity() {
        return isPrefix() ? prefix().length() : Integer.MAX_VALUE;
    }
}
