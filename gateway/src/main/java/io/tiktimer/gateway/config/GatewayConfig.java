package io.tiktimer.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URL of each service by name (auth-service, post-service, tiktok-service, publisher-worker). */
    Map<String, URI> services();

    /** How long /health and /openapi wait for one service before calling it down. */
    @WithDefault("2s")
    Duration probeTimeout();
}
