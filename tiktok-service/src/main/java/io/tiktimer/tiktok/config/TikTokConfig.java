package io.tiktimer.tiktok.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything under {@code tiktok.*}; production values come from environment variables (see README). */
@ConfigMapping(prefix = "tiktok")
public interface TikTokConfig {

    /** Base of TikTok's authorize page, {@code https://www.tiktok.com} in production. */
    String authBaseUrl();

    /** Base of TikTok's API and OAuth token endpoints, {@code https://open.tiktokapis.com} in production. */
    String apiBaseUrl();

    String clientKey();

    String clientSecret();

    /** Must equal a redirect URI registered for the app, character for character. */
    String redirectUri();

    /** Scopes requested on the authorize page. */
    @WithDefault("user.info.basic,video.publish,video.upload")
    List<String> scopes();

    /** Scopes without which a connection is refused (the user may untick scopes on TikTok's page). */
    @WithDefault("user.info.basic,video.publish,video.upload")
    List<String> requiredScopes();

    /**
     * Where the callback sends the browser after connecting (query {@code tiktok=connected|error}); without it the
     * callback answers with its own small HTML page.
     */
    Optional<String> clientRedirectUrl();

    /** How long an OAuth state value is accepted. */
    @WithDefault("10m")
    Duration stateTtl();

    Token token();

    Refresh refresh();

    CreatorInfo creatorInfo();

    DeletedUsers deletedUsers();

    interface DeletedUsers {
        /** How often accounts connected after their user's deletion (by a request already under way) are erased. */
        @WithDefault("30s")
        String sweepInterval();
    }

    interface Token {
        /** {@code kid1:base64key,kid2:base64key}; AES keys of 16, 24 or 32 bytes. */
        String keys();

        /** The key id new ciphertexts are sealed with; older ids stay readable. */
        String activeKeyId();
    }

    interface Refresh {
        /** An access token expiring within this margin is refreshed before it is handed out. */
        @WithDefault("5m")
        Duration onDemandMargin();

        /** The background job refreshes tokens expiring within this margin. */
        @WithDefault("1h")
        Duration proactiveMargin();

        /** How often the background job looks for tokens nearing expiry. */
        @WithDefault("5m")
        String checkInterval();

        @WithDefault("50")
        int batchSize();
    }

    interface CreatorInfo {
        @WithDefault("30s")
        Duration cacheTtl();

        /** Our share of TikTok's 20/min/token budget; publisher-worker needs the rest. */
        @WithDefault("10")
        int maxCallsPerMinute();
    }
}
