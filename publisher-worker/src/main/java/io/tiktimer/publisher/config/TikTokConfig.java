package io.tiktimer.publisher.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** TikTok's Content Posting API as this worker calls it directly with the creator's access token. */
@ConfigMapping(prefix = "tiktok")
public interface TikTokConfig {

    /** {@code https://open.tiktokapis.com} in production. */
    String apiBaseUrl();

    @WithDefault("5s")
    Duration connectTimeout();

    /** Answer timeout of JSON calls; an init that times out is treated as possibly accepted. */
    @WithDefault("30s")
    Duration requestTimeout();

    /** Public profile URLs are built from the creator's handle and the public post id. */
    @WithDefault("https://www.tiktok.com")
    String webBaseUrl();
}
