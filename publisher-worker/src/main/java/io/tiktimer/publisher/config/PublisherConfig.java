package io.tiktimer.publisher.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Everything publisher-worker can be tuned with; defaults follow TikTok's documented limits (tiktok-api.md §3, §4). */
@ConfigMapping(prefix = "publisher")
public interface PublisherConfig {

    /** Worker threads that run attempt steps; one slow upload occupies one of them, never the others. */
    @WithDefault("8")
    int workers();

    /** How often the dispatcher looks for runnable attempts when nobody woke it up. */
    @WithDefault("250ms")
    Duration dispatchInterval();

    /** How long a claimed attempt stays owned by one worker without renewal before another may resume it. */
    @WithDefault("2m")
    Duration leaseDuration();

    Upload upload();

    Status status();

    Limits limits();

    Retry retry();

    Media media();

    interface Upload {
        /** Up to this size a video goes in one request (64,000,000 bytes: valid whether TikTok means MB or MiB). */
        @WithDefault("64000000")
        long singleRequestMaxBytes();

        /** Chunk size above that; between 5,242,880 and 64,000,000, so the merged last chunk stays below 128 MB. */
        @WithDefault("10000000")
        long chunkSizeBytes();

        @WithDefault("1000")
        int maxChunks();

        /** Time allowed for one chunk PUT; a chunk is at most 2 x chunk size. */
        @WithDefault("120s")
        Duration chunkTimeout();

        /** Immediate re-sends of one chunk after a 5xx or a dropped connection before the attempt backs off. */
        @WithDefault("3")
        int chunkRetries();
    }

    interface Status {
        @WithDefault("2s")
        Duration firstPoll();

        @WithDefault("30s")
        Duration maxPollInterval();

        /** After the upload completed: no terminal status by then and the post is reported unconfirmed. */
        @WithDefault("15m")
        Duration deadline();

        /** How long a follow-up check keeps looking for the public post id (moderation can take hours). */
        @WithDefault("48h")
        Duration lateResolutionWindow();

        @WithDefault("1m")
        Duration lateFirstCheck();

        @WithDefault("1h")
        Duration lateMaxInterval();
    }

    interface Limits {
        @WithDefault("6")
        int initPerMinute();

        @WithDefault("30")
        int statusPerMinute();

        @WithDefault("20")
        int creatorInfoPerMinute();

        /** Added to TikTok's 60 s window: our clock stamps a call before TikTok does. */
        @WithDefault("2s")
        Duration windowMargin();

        /** TikTok's per-creator Direct Post cap (about 15 per 24 h, shared by all apps). */
        @WithDefault("15")
        int directPostsPerDay();

        /** TikTok's pending inbox shares per creator in 24 h. */
        @WithDefault("5")
        int inboxSharesPerDay();
    }

    interface Retry {
        @WithDefault("2s")
        Duration initialBackoff();

        @WithDefault("5m")
        Duration maxBackoff();

        /** Consecutive transient failures of one step before the attempt is reported failed (retryable). */
        @WithDefault("12")
        int maxStepFailures();
    }

    interface Media {
        /**
         * Public https base URL under which TikTok can pull media objects ({@code <base>/<key>}); its host or prefix
         * must be verified with TikTok. Needed for photo posts, and for videos when {@link #pullVideos()} is set.
         */
        Optional<String> publicBaseUrl();

        /** Let TikTok pull videos from {@link #publicBaseUrl()} instead of uploading them in chunks. */
        @WithDefault("false")
        boolean pullVideos();
    }
}
