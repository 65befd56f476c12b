package io.tiktimer.gateway.proxy;

/**
 * One line of the route table.
 *
 * @param path      an exact path, or a prefix ending in {@code /**} that matches the prefix itself and all below it
 * @param service   the name of the service that serves it
 * @param body      {@code upload} for routes that take media uploads (the large body limit); anything else, or
 *                  nothing, gets the small limit for JSON and form bodies
 * @param cacheable {@code true} for public data a client may cache (the JWKS); every other answer carries personal
 *                  data and gets {@code Cache-Control: no-store} unless its service chose a cache policy itself
 */
public record Route(String path, String service, String body, Boolean cacheable) {

    private static final String ANY_BELOW = "/**";
    private static final String UPLOAD = "upload";

    public Route {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("A route path must start with '/': " + path);
        }
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("Route " + path + " names no service");
        }
        if (body != null && !body.equals(UPLOAD) && !body.equals("small")) {
            throw new IllegalArgumentException("Route " + path + ": body must be 'upload' or 'small', not " + body);
        }
    }

    public Route(String path, String service) {
        this(path, service, null, null);
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

    public boolean takesUploads() {
        return UPLOAD.equals(body);
    }

    public boolean isCacheable() {
        return Boolean.TRUE.equals(cacheable);
    }

    /** More specific routes win: exact before prefix, longer prefix before shorter. */
    int specificity() {
        return isPrefix() ? prefix().length() : Integer.MAX_VALUE;
    }
}
