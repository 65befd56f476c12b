package io.tiktimer.post.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "post")
public interface PostConfig {

    Media media();

    Dispatcher dispatcher();


    Retry retry();

    Sweeper sweeper();

    AccountLookup accountLookup();

    DeletedUsers deletedUsers();

    interface DeletedUsers {
        /** How often data stored after an account's deletion (by a request already under way) is erased again. */
        @WithDefault("30s")
        String sweepInterval();
    }

    /** Asking tiktok-service about an account whose {@code tiktok.account} event has not arrived yet. */
    interface AccountLookup {
        @WithDefault("true")
        boolean enabled();
    }

    interface Media {
        /** Bucket for uploaded media ({@code MEDIA_BUCKET}). */
        String bucket();

        /** S3 multipart part size; also the largest buffer an upload holds in memory. */
        @WithDefault("8388608")
        int partSizeBytes();

        @WithDefault("4294967296")
        long maxVideoBytes();

        @WithDefault("20971520")
        long maxImageBytes();

        /** TikTok's upload endpoint accepts up to 10 min; Direct Post limits per creator are enforced by the publisher. */
        @WithDefault("600")
        double maxVideoSeconds();

        @WithDefault("1")
        double minVideoSeconds();

        @WithDefault("23")
        double minFps();

        @WithDefault("60")
        double maxFps();

        @WithDefault("360")
        int minSidePixels();

        @WithDefault("4096")
        int maxSidePixels();

        /** A poster frame is a thumbnail, not a second copy of a photo: a 720-pixel JPEG is well under this. */
        @WithDefault("262144")
        int maxPosterBytes();

        /** The longest side a poster frame may have. */
        @WithDefault("1280")
        int maxPosterSidePixels();

        /**
         * Where browsers reach the bucket, when that differs from where the service does (docker compose: the service
         * talks to {@code http://s3:9000}, the browser to {@code http://localhost:9000}). Presigned addresses are signed
         * for this host; unset, for the service's own S3 endpoint (AWS, ./run).
         */
        Optional<URI> browserEndpoint();

        /** How long a presigned upload URL stays valid. */
        @WithDefault("PT1H")
        Duration presignTtl();
    }

    interface Dispatcher {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("1000")
        int batchSize();

        /**
         * Longest sleep when nothing is due soon: bounds how late a post created on another replica is seen. Posts
         * created on this replica wake the dispatcher at once.
         */
        @WithDefault("PT0.5S")
        Duration idlePoll();
    }

    interface Retry {
        /** Attempts (dispatches) before a retryable failure becomes final. */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("PT1M")
        Duration initialBackoff();

        @WithDefault("PT1H")
        Duration maxBackoff();
    }

    interface Sweeper {
        /** How often the sweeper runs (read by its {@code @Scheduled} expression). */
        @WithDefault("30s")
        String interval();

        /** A queued post with no publishing event after this long is dispatched again (same attempt number). */
        @WithDefault("PT10M")
        Duration queuedDeadline();

        /** A publishing post with no outcome after this long becomes unconfirmed; it is never re-posted blindly. */
        @WithDefault("PT30M")
        Duration publishingDeadline();
    }
}
