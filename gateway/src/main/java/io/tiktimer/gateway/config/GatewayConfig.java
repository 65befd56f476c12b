package io.tiktimer.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URL of each service by name (auth-service, post-service, tiktok-service, publisher-worker). */
    Map<String, URI> services();

    /**
     * Where {@code ./run}'s supervisor tells which processes it restarted ({@code GET /processes}); /health shows it.
     * Absent in production, where ECS restarts tasks and says so itself.
     */
    Optional<URI> supervisorUrl();

    /** How long /health and /openapi wait for one service before calling it down. */
    @WithDefault("2s")
    Duration probeTimeout();

    /** How the gateway talks to the services it forwards to. */
    Upstream upstream();

    /** What the gateway accepts from clients; larger requests are answered 413, 414 or 431 by the gateway. */
    Limits limits();

    interface Upstream {

        /** Time to open a connection to a service; a service that does not accept one is answered 503. */
        @WithDefault("5s")
        Duration connectTimeout();

        /**
         * Time a service may stay silent once it has the whole request (and between parts of its answer); then the
         * client gets 504. Counted from the end of the request body, so a long upload is not cut short.
         */
        @WithDefault("30s")
        Duration timeout();
    }

    interface Limits {

        /** Largest body of a JSON or form request. */
        @WithDefault("64K")
        MemorySize smallBody();

        /** Largest body of a route marked {@code body: upload} in routes.yaml (TikTok takes videos up to 4 GB). */
        @WithDefault("4G")
        MemorySize uploadBody();

        /** Longest request line (method, target, version), as a service would count it. */
        @WithDefault("4096")
        int requestLine();

        /** Largest sum of header lines, leaving the services (20 KB) room for the X-Forwarded-* headers we add. */
        @WithDefault("16K")
        MemorySize headers();
    }
}
