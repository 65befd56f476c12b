package io.tiktimer.publisher.attempt;

import io.tiktimer.contracts.MediaRef;
import io.tiktimer.publisher.AttemptState;
import io.tiktimer.publisher.PublishAttempt;
import io.tiktimer.publisher.client.MediaStore;
import io.tiktimer.publisher.client.TikTokClient;
import io.tiktimer.publisher.client.UploadReply;
import io.tiktimer.publisher.config.PublisherConfig;
import io.tiktimer.publisher.service.AttemptStore;
import io.tiktimer.publisher.service.ChunkPlan;
import io.tiktimer.publisher.service.FailureCatalog;
import io.tiktimer.publisher.service.ShutdownSignal;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code UPLOADING}: {@code publish_id} is stored, so chunks are sent from S3 to TikTok's upload URL and resume from
 * TikTok's own progress ({@code 206}/{@code 416} with {@code Content-Range}) after any interruption. Each chunk
 * streams from an S3 range read; no chunk is held in memory.
 */
@ApplicationScoped
public class UploadStep {
    private static final Logger LOG = Logger.getLogger(UploadStep.class);

    private final AttemptEnds ends;
    private final TikTokClient tiktok;
    private final MediaStore media;
    private final AttemptStore store;
    private final ShutdownSignal shutdown;
    private final PublisherConfig config;

    public UploadStep(AttemptEnds ends, TikTokClient tiktok, MediaStore media, AttemptStore store,
                      ShutdownSignal shutdown, PublisherConfig config) {
        this.ends = ends;
        this.tiktok = tiktok;
        this.media = media;
        this.store = store;
        this.shutdown = shutdown;
        this.config = config;
    }

    Next run(PublishAttempt a) {
        MediaRef video = ends.due(a).media().get(0);
        ChunkPlan plan = new ChunkPlan(a.videoSize, a.chunkSize, a.chunkCount);
        int retries = 0;
        while (true) {
            Instant now = ends.now();
            if (a.uploadUrlExpiresAt != null && !now.isBefore(a.uploadUrlExpiresAt)) {
                return ends.fail(a, FailureCatalog.ours("upload_window_expired",
                        "The upload to TikTok did not finish within TikTok's one-hour window, so nothing was published. "
                                + "It will be retried.", true));
            }
            if (shutdown.requested()) {
                return Next.parkUntil(now);
            }
            int index = plan.chunkStartingAt(a.bytesCommitted);
            if (index < 0) {
                return ends.fail(a, FailureCatalog.ours("upload_failed", "TikTok reported upload progress that matches "
                        + "no chunk (" + a.bytesCommitted + " bytes); nothing was published. It will be retried.", true));
            }
            long first = plan.firstByte(index);
            long last = plan.lastByte(index);
            UploadReply reply = putChunk(a, video, plan, first, last);
            switch (reply.httpStatus()) {
                case 201 -> {
                    return complete(a);
                }
                case 206 -> {
                    a.bytesCommitted = reply.committedBytes().orElse(last + 1);
                    a.stepFailures = 0;
                    retries = 0;
                    a.leaseUntil = ends.now().plus(config.leaseDuration());
                    store.save(a);
                }
                case 416 -> {
                    // TikTok already has (part of) this: continue from what it says it committed
                    long committed = reply.committedBytes().orElse(-1);
                    LOG.infof("post %d #%d: TikTok answered 416 for bytes %d-%d, it has %d", a.postId, a.attempt,
                            first, last, committed);
                    if (committed == a.videoSize) {
                        return complete(a);
                    }
                    if (committed >= 0 && committed != a.bytesCommitted) {
                        a.bytesCommitted = committed;
                        store.save(a);
                        retries = 0;
                    } else if (++retries > config.upload().chunkRetries()) {
                        return ends.transientFailure(a, "TikTok keeps refusing chunk " + index + " with 416");
                    }
                }
                case 403 -> {
                    return ends.fail(a, FailureCatalog.ours("upload_window_expired",
                            "TikTok closed the upload before it finished, so nothing was published. It will be retried.",
                            true));
                }
                case 404 -> {
                    return ends.fail(a, FailureCatalog.ours("upload_session_missing",
                            "TikTok lost the upload before it finished, so nothing was published. It will be retried.",
                            true));
                }
                default -> {
                    // 5xx, 400 (body cut short) or no answer: the same chunk is sent again; if it had landed,
                    // TikTok answers 416 with its progress and we move on
                    LOG.infof("post %d #%d: chunk %d got %s", a.postId, a.attempt, index,
                            reply.httpStatus() == 0 ? reply.failure() : "HTTP " + reply.httpStatus());
                    if (++retries > config.upload().chunkRetries()) {
                        return ends.transientFailure(a, "chunk " + index + " keeps failing");
                    }
                    sleep(Duration.ofMillis(250L * retries));
                }
            }
        }
    }

    private UploadReply putChunk(PublishAttempt a, MediaRef video, ChunkPlan plan, long first, long last) {
        InputStream[] opened = new InputStream[1];
        try {
            return tiktok.putChunk(a.uploadUrl, video.contentType().toLowerCase(Locale.ROOT), first, last,
                    plan.videoSize(), () -> {
                        opened[0] = media.openRange(video.bucket(), video.key(), first, last);
                        return opened[0];
                    });
        } catch (RuntimeException e) {
            return UploadReply.noAnswer("media read failed: " + e.getMessage());
        } finally {
            if (opened[0] != null) {
                try {
                    opened[0].close();
                } catch (IOException e) {
                    LOG.debugf("closing an S3 range stream: %s", e.getMessage());
                }
            }
        }
    }

    private Next complete(PublishAttempt a) {
        Instant now = ends.now();
        a.bytesCommitted = a.videoSize;
        a.uploadCompletedAt = now;
        a.state = AttemptState.PROCESSING;
        a.stepFailures = 0;
        StatusStep.startPolling(a, now, config);
        store.save(a);
        LOG.infof("post %d #%d: upload of %d bytes in %d chunk(s) complete", a.postId, a.attempt, a.videoSize,
                a.chunkCount);
        return Next.STOP;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }
}
