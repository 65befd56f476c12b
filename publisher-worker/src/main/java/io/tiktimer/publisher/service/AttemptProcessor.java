package io.tiktimer.publisher.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tiktimer.contracts.MediaRef;
import io.tiktimer.contracts.MediaType;
import io.tiktimer.contracts.PostDue;
import io.tiktimer.contracts.PostMode;
import io.tiktimer.contracts.PublishOutcome;
import io.tiktimer.publisher.AttemptState;
import io.tiktimer.publisher.PublishAttempt;
import io.tiktimer.publisher.client.AccessToken;
import io.tiktimer.publisher.client.MediaStore;
import io.tiktimer.publisher.client.TikTokClient;
import io.tiktimer.publisher.client.TikTokReply;
import io.tiktimer.publisher.client.TikTokServiceClient;
import io.tiktimer.publisher.client.TokenProblem;
import io.tiktimer.publisher.client.UploadReply;
import io.tiktimer.publisher.config.PublisherConfig;
import io.tiktimer.publisher.config.TikTokConfig;
import io.tiktimer.publisher.mapping.EventMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Drives one claimed attempt through its state machine until it has to wait (rate limit, backoff, next poll) or is
 * finished. Every effect at TikTok is preceded by a persisted state that tells a later run what is safe:
 * <ul>
 *   <li>{@code RECEIVED}: nothing reached init; token, creator_info and checks may be repeated freely;</li>
 *   <li>{@code INIT_SENDING}: the init may have reached TikTok; a run that finds it there reports unconfirmed;</li>
 *   <li>{@code UPLOADING}: publish_id is stored; chunks resume from TikTok's own progress (416 + Content-Range);</li>
 *   <li>{@code PROCESSING}: only read-only status polls happen.</li>
 * </ul>
 */
@ApplicationScoped
public class AttemptProcessor {
    private static final Logger LOG = Logger.getLogger(AttemptProcessor.class);
    private static final Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/quicktime", "video/webm");
    /** TikTok's upload_url lives 1 h; stop starting chunks a little earlier so the last one still lands in time. */
    private static final Duration UPLOAD_WINDOW = Duration.ofMinutes(55);

    private final AttemptStore store;
    private final RateLimiter limiter;
    private final TokenCache tokens;
    private final TikTokServiceClient tiktokService;
    private final TikTokClient tiktok;
    private final MediaStore media;
    private final EventMapper events;
    private final ObjectMapper json;
    private final PublisherConfig config;
    private final TikTokConfig tiktokConfig;
    private final ShutdownSignal shutdown;
    private final Clock clock;

    public AttemptProcessor(AttemptStore store, RateLimiter limiter, TokenCache tokens,
                            TikTokServiceClient tiktokService, TikTokClient tiktok, MediaStore media, EventMapper events,
                            ObjectMapper json, PublisherConfig config, TikTokConfig tiktokConfig,
                            ShutdownSignal shutdown, Clock clock) {
        this.store = store;
        this.limiter = limiter;
        this.tokens = tokens;
        this.tiktokService = tiktokService;
        this.tiktok = tiktok;
        this.media = media;
        this.events = events;
        this.json = json;
        this.config = config;
        this.tiktokConfig = tiktokConfig;
        this.shutdown = shutdown;
        this.clock = clock;
    }

    /** Unwinds a run once the attempt's next run time (or final state) is set. */
    private static final class Park extends RuntimeException {
        private static final Park INSTANCE = new Park();

        private Park() {
            super(null, null, false, false);
        }
    }

    /** Runs the attempt leased to {@code owner}, and always gives the lease back. */
    public void run(long id, String owner) {
        PublishAttempt a = store.load(id);
        if (a == null || !owner.equals(a.leaseOwner)) {
            return;
        }
        try {
            for (int steps = 0; steps < 10_000; steps++) {
                if (shutdown.requested()) {
                    a.nextRunAt = now();
                    break;
                }
                step(a);
            }
        } catch (Park parked) {
            // the attempt waits for nextRunAt, or is finished
        } catch (RuntimeException e) {
            LOG.errorf(e, "attempt %d (post %d #%d) failed in state %s", a.id, a.postId, a.attempt, a.state);
            try {
                transientFailure(a, "internal error: " + e.getClass().getSimpleName());
            } catch (Park parked) {
                // parked with backoff
            }
        } finally {
            a.leaseOwner = null;
            a.leaseUntil = null;
            store.save(a);
        }
    }

    private void step(PublishAttempt a) {
        switch (a.state) {
            case RECEIVED -> prepareAndInit(a);
            case INIT_SENDING -> fail(a, FailureCatalog.unknown("init_outcome_unknown",
                    "TikTimer stopped while TikTok was creating the post, so it may or may not be on TikTok. Check "
                            + "the TikTok account before publishing it again."));
            case UPLOADING -> upload(a);
            case PROCESSING -> poll(a);
            default -> {
                if (a.lateCheckUntil != null) {
                    lateCheck(a);
                }
                throw Park.INSTANCE;
            }
        }
    }

    // ---------------------------------------------------------------- before init: everything is safe to repeat

    private void prepareAndInit(PublishAttempt a) {
        PostDue due = due(a);
        Optional<Failure> invalid = validatePost(due);
        if (invalid.isPresent()) {
            fail(a, invalid.get());
        }
        AccessToken token = token(a);
        if (due.mode() == PostMode.DIRECT_POST) {
            checkCreator(a, due, token);
        }
        ChunkPlan plan = null;
        if (due.mediaType() == MediaType.VIDEO && !pullVideos()) {
            plan = planUpload(a, due.media().get(0));
        }
        RateLimiter.InitPermit permit = limiter.acquireInit(a.id, a.tiktokAccountId, due.mode());
        if (permit instanceof RateLimiter.InitPermit.Wait wait) {
            parkUntil(a, wait.until());
        } else if (permit instanceof RateLimiter.InitPermit.CapReached cap) {
            fail(a, cap.failure());
        } else if (permit instanceof RateLimiter.InitPermit.Granted granted) {
            a.state = AttemptState.INIT_SENDING;
            a.initStartedAt = granted.at();
        }
        TikTokReply reply = tiktok.post(initPath(due), token.accessToken(), initBody(due, plan));
        if (reply instanceof TikTokReply.NotSent notSent) {
            backToReceived(a);
            transientFailure(a, "TikTok unreachable: " + notSent.reason());
        } else if (reply instanceof TikTokReply.Unknown unknown) {
            LOG.warnf("init of post %d #%d has an unknown outcome: %s", a.postId, a.attempt, unknown.reason());
            fail(a, FailureCatalog.unknown("init_outcome_unknown",
                    "TikTok did not answer while creating the post, so it may or may not be on TikTok. Check the "
                            + "TikTok account before publishing it again."));
        } else if (reply instanceof TikTokReply.Answered answer) {
            if (answer.ok()) {
                initAccepted(a, due, plan, answer);
            }
            backToReceived(a);
            refused(a, answer);
        }
    }

    private void backToReceived(PublishAttempt a) {
        // TikTok answered with a refusal (or was never reached): no post exists, so init may be tried again later
        a.state = AttemptState.RECEIVED;
        a.initStartedAt = null;
    }

    private void initAccepted(PublishAttempt a, PostDue due, ChunkPlan plan, TikTokReply.Answered answer) {
        String publishId = answer.dataOrMissing().path("publish_id").asText(null);
        if (publishId == null || publishId.isBlank()) {
            fail(a, FailureCatalog.unknown("init_outcome_unknown",
                    "TikTok accepted the post without naming it, so its fate is unknown. Check the TikTok account."));
        }
        Instant now = now();
        a.publishId = publishId;
        a.initAcceptedAt = now;
        a.stepFailures = 0;
        a.tokenRejections = 0;
        if (plan != null) {
            a.uploadUrl = answer.dataOrMissing().path("upload_url").asText(null);
            a.uploadUrlExpiresAt = now.plus(UPLOAD_WINDOW);
            a.videoSize = plan.videoSize();
            a.chunkSize = plan.chunkSize();
            a.chunkCount = plan.chunkCount();
            a.bytesCommitted = 0;
            a.state = AttemptState.UPLOADING;
            if (a.uploadUrl == null) {
                a.state = AttemptState.PROCESSING;
                startPolling(a, now);
            }
        } else {
            a.state = AttemptState.PROCESSING;
            startPolling(a, now);
        }
        // publish_id and the post.publishing fact are durable before any byte is sent
        store.save(a, events.publishing(a, now));
        LOG.infof("post %d #%d: TikTok accepted init as %s", a.postId, a.attempt, publishId);
        if (a.state == AttemptState.PROCESSING) {
            throw Park.INSTANCE;
        }
        upload(a);
    }

    private void refused(PublishAttempt a, TikTokReply.Answered answer) {
        LOG.infof("post %d #%d: TikTok refused %s (HTTP %d, log_id %s)", a.postId, a.attempt, answer.code(),
                answer.httpStatus(), answer.logId());
        if ("access_token_invalid".equals(answer.code())) {
            tokenRejected(a);
        }
        if (FailureCatalog.transientRefusal(answer.httpStatus(), answer.code())) {
            transientFailure(a, "TikTok answered " + answer.code());
        }
        fail(a, FailureCatalog.tiktok(answer.code(), answer.message(), answer.logId(), now()));
    }

    private Optional<Failure> validatePost(PostDue due) {
        List<MediaRef> list = due.media();
        if (due.mode() == null || due.mediaType() == null || list.isEmpty()) {
            return Optional.of(FailureCatalog.ours("invalid_post", "The post has no media to publish.", false));
        }
        if (due.mediaType() == MediaType.VIDEO) {
            if (list.size() != 1) {
                return Optional.of(FailureCatalog.ours("invalid_post", "A video post carries exactly one video.", false));
            }
            String type = list.get(0).contentType() == null ? "" : list.get(0).contentType().toLowerCase();
            if (!VIDEO_TYPES.contains(type)) {
                return Optional.of(FailureCatalog.ours("unsupported_media_type",
                        "TikTok accepts MP4, MOV and WebM videos only.", false));
            }
        } else {
            if (list.size() > 35) {
                return Optional.of(FailureCatalog.ours("invalid_post", "TikTok accepts at most 35 photos.", false));
            }
            if (config.media().publicBaseUrl().isEmpty()) {
                return Optional.of(FailureCatalog.ours("photo_source_unavailable",
                        "Photo posts are not available yet: TikTok must fetch photos from a verified TikTimer address.",
                        false));
            }
        }
        if (due.mode() == PostMode.DIRECT_POST && (due.privacyLevel() == null || due.privacyLevel().isBlank())) {
            return Optional.of(FailureCatalog.ours("privacy_level_missing",
                    "Choose who can see the post before it is published.", false));
        }
        return Optional.empty();
    }

    private void checkCreator(PublishAttempt a, PostDue due, AccessToken token) {
        acquire(a, RateLimiter.Endpoint.CREATOR_INFO);
        TikTokReply reply = tiktok.post(TikTokClient.CREATOR_INFO, token.accessToken(), json.createObjectNode());
        if (!(reply instanceof TikTokReply.Answered answer)) {
            transientFailure(a, "creator_info unanswered: " + reply);
            return;
        }
        if (!answer.ok()) {
            refused(a, answer);
        }
        a.tokenRejections = 0;
        JsonNode info = answer.dataOrMissing();
        a.creatorUsername = info.path("creator_username").asText(null);
        List<String> options = new ArrayList<>();
        info.path("privacy_level_options").forEach(o -> options.add(o.asText()));
        String logId = answer.logId();
        if (!options.contains(due.privacyLevel())) {
            fail(a, new Failure("privacy_level_not_offered", logId, "TikTok does not offer \"" + due.privacyLevel()
                    + "\" for this account right now (it offers " + String.join(", ", options)
                    + "). Choose the privacy again.", false, false, null));
        }
        if (due.brandContentToggle() && "SELF_ONLY".equals(due.privacyLevel())) {
            fail(a, new Failure("branded_content_private", logId,
                    "Branded content cannot be private (\"only me\"). Choose another privacy.", false, false, null));
        }
        if (!due.disableComment() && info.path("comment_disabled").asBoolean(false)) {
            fail(a, interaction("Comments", logId));
        }
        if (due.mediaType() == MediaType.VIDEO) {
            if (!due.disableDuet() && info.path("duet_disabled").asBoolean(false)) {
                fail(a, interaction("Duet", logId));
            }
            if (!due.disableStitch() && info.path("stitch_disabled").asBoolean(false)) {
                fail(a, interaction("Stitch", logId));
            }
            Double duration = due.media().get(0).durationSeconds();
            int max = info.path("max_video_post_duration_sec").asInt(Integer.MAX_VALUE);
            if (duration != null && duration > max) {
                fail(a, new Failure("duration_exceeds_creator_max", logId, "The video is " + Math.round(duration)
                        + " s long; this TikTok account may post at most " + max + " s. Shorten the video.",
                        false, false, null));
            }
        }
    }

    private static Failure interaction(String what, String logId) {
        return new Failure("interaction_not_allowed", logId, what + " is turned off for this TikTok account. Turn it "
                + "off for this post too, or allow it in the TikTok app.", false, false, null);
    }

    private ChunkPlan planUpload(PublishAttempt a, MediaRef video) {
        OptionalLong size;
        try {
            size = media.size(video.bucket(), video.key());
        } catch (RuntimeException e) {
            transientFailure(a, "media store unavailable: " + e.getMessage());
            return null;
        }
        if (size.isEmpty()) {
            fail(a, FailureCatalog.ours("media_missing", "The video file is gone. Upload it again.", false));
        }
        if (size.getAsLong() != video.sizeBytes()) {
            fail(a, FailureCatalog.ours("media_changed",
                    "The stored video does not match the one scheduled. Upload it again.", false));
        }
        try {
            return ChunkPlan.of(size.getAsLong(), config.upload().singleRequestMaxBytes(),
                    config.upload().chunkSizeBytes(), config.upload().maxChunks());
        } catch (IllegalArgumentException e) {
            fail(a, FailureCatalog.ours("video_too_large", "TikTok cannot take this video: " + e.getMessage() + ".",
                    false));
            return null;
        }
    }

    private String initPath(PostDue due) {
        if (due.mediaType() == MediaType.PHOTO) {
            return TikTokClient.CONTENT_INIT;
        }
        return due.mode() == PostMode.INBOX ? TikTokClient.INBOX_VIDEO_INIT : TikTokClient.VIDEO_INIT;
    }

    private ObjectNode initBody(PostDue due, ChunkPlan plan) {
        ObjectNode body = json.createObjectNode();
        ObjectNode post = json.createObjectNode();
        ObjectNode source = json.createObjectNode();
        boolean direct = due.mode() == PostMode.DIRECT_POST;
        if (due.mediaType() == MediaType.PHOTO) {
            body.put("media_type", "PHOTO");
            body.put("post_mode", direct ? "DIRECT_POST" : "MEDIA_UPLOAD");
            putIfPresent(post, "title", due.title());
            putIfPresent(post, "description", due.content());
            if (direct) {
                post.put("privacy_level", due.privacyLevel());
                post.put("disable_comment", due.disableComment());
                post.put("brand_content_toggle", due.brandContentToggle());
                post.put("brand_organic_toggle", due.brandOrganicToggle());
            }
            source.put("source", "PULL_FROM_URL");
            ArrayNode images = source.putArray("photo_images");
            due.media().forEach(m -> images.add(publicUrl(m)));
            source.put("photo_cover_index", due.photoCoverIndex() == null ? 0 : due.photoCoverIndex());
        } else {
            putIfPresent(post, "title", due.content());
            if (direct) {
                post.put("privacy_level", due.privacyLevel());
                post.put("disable_duet", due.disableDuet());
                post.put("disable_stitch", due.disableStitch());
                post.put("disable_comment", due.disableComment());
                if (due.videoCoverTimestampMs() != null) {
                    post.put("video_cover_timestamp_ms", due.videoCoverTimestampMs());
                }
                post.put("brand_content_toggle", due.brandContentToggle());
                post.put("brand_organic_toggle", due.brandOrganicToggle());
                post.put("is_aigc", due.aigc());
            }
            if (plan == null) {
                source.put("source", "PULL_FROM_URL");
                source.put("video_url", publicUrl(due.media().get(0)));
            } else {
                source.put("source", "FILE_UPLOAD");
                source.put("video_size", plan.videoSize());
                source.put("chunk_size", plan.chunkSize());
                source.put("total_chunk_count", plan.chunkCount());
            }
        }
        if (!post.isEmpty()) {
            body.set("post_info", post);
        }
        body.set("source_info", source);
        return body;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    private boolean pullVideos() {
        return config.media().pullVideos() && config.media().publicBaseUrl().isPresent();
    }

    private String publicUrl(MediaRef m) {
        String base = config.media().publicBaseUrl().orElseThrow();
        return (base.endsWith("/") ? base : base + "/") + m.key();
    }

    // ---------------------------------------------------------------- upload: resumable from TikTok's progress

    private void upload(PublishAttempt a) {
        MediaRef video = due(a).media().get(0);
        ChunkPlan plan = new ChunkPlan(a.videoSize, a.chunkSize, a.chunkCount);
        int retries = 0;
        while (true) {
            Instant now = now();
            if (a.uploadUrlExpiresAt != null && !now.isBefore(a.uploadUrlExpiresAt)) {
                fail(a, FailureCatalog.ours("upload_window_expired",
                        "The upload to TikTok did not finish within TikTok's one-hour window, so nothing was published. "
                                + "It will be retried.", true));
            }
            if (shutdown.requested()) {
                a.nextRunAt = now;
                throw Park.INSTANCE;
            }
            int index = plan.chunkStartingAt(a.bytesCommitted);
            if (index < 0) {
                fail(a, FailureCatalog.ours("upload_failed", "TikTok reported upload progress that matches no chunk ("
                        + a.bytesCommitted + " bytes); nothing was published. It will be retried.", true));
            }
            long first = plan.firstByte(index);
            long last = plan.lastByte(index);
            UploadReply reply = putChunk(a, video, plan, first, last);
            switch (reply.httpStatus()) {
                case 201 -> uploadComplete(a);
                case 206 -> {
                    a.bytesCommitted = reply.committedBytes().orElse(last + 1);
                    a.stepFailures = 0;
                    retries = 0;
                    a.leaseUntil = now().plus(config.leaseDuration());
                    store.save(a);
                }
                case 416 -> {
                    // TikTok already has (part of) this: continue from what it says it committed
                    long committed = reply.committedBytes().orElse(-1);
                    LOG.infof("post %d #%d: TikTok answered 416 for bytes %d-%d, it has %d", a.postId, a.attempt,
                            first, last, committed);
                    if (committed == a.videoSize) {
                        uploadComplete(a);
                    }
                    if (committed >= 0 && committed != a.bytesCommitted) {
                        a.bytesCommitted = committed;
                        store.save(a);
                        retries = 0;
                    } else if (++retries > config.upload().chunkRetries()) {
                        transientFailure(a, "TikTok keeps refusing chunk " + index + " with 416");
                    }
                }
                case 403 -> fail(a, FailureCatalog.ours("upload_window_expired",
                        "TikTok closed the upload before it finished, so nothing was published. It will be retried.",
                        true));
                case 404 -> fail(a, FailureCatalog.ours("upload_session_missing",
                        "TikTok lost the upload before it finished, so nothing was published. It will be retried.",
                        true));
                default -> {
                    // 5xx, 400 (body cut short) or no answer: the same chunk is sent again; if it had landed,
                    // TikTok answers 416 with its progress and we move on
                    LOG.infof("post %d #%d: chunk %d got %s", a.postId, a.attempt, index,
                            reply.httpStatus() == 0 ? reply.failure() : "HTTP " + reply.httpStatus());
                    if (++retries > config.upload().chunkRetries()) {
                        transientFailure(a, "chunk " + index + " keeps failing");
                    }
                    sleep(Duration.ofMillis(250L * retries));
                }
            }
        }
    }

    private UploadReply putChunk(PublishAttempt a, MediaRef video, ChunkPlan plan, long first, long last) {
        InputStream[] opened = new InputStream[1];
        try {
            return tiktok.putChunk(a.uploadUrl, video.contentType().toLowerCase(), first, last, plan.videoSize(), () -> {
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

    private void uploadComplete(PublishAttempt a) {
        Instant now = now();
        a.bytesCommitted = a.videoSize;
        a.uploadCompletedAt = now;
        a.state = AttemptState.PROCESSING;
        a.stepFailures = 0;
        startPolling(a, now);
        store.save(a);
        LOG.infof("post %d #%d: upload of %d bytes in %d chunk(s) complete", a.postId, a.attempt, a.videoSize,
                a.chunkCount);
        throw Park.INSTANCE;
    }

    private void startPolling(PublishAttempt a, Instant now) {
        a.statusDeadline = now.plus(config.status().deadline());
        a.pollIntervalMs = config.status().firstPoll().toMillis();
        a.nextRunAt = now.plus(config.status().firstPoll());
    }

    // ---------------------------------------------------------------- status: read-only, safe to repeat

    private void poll(PublishAttempt a) {
        JsonNode data = fetchStatus(a, false);
        if (data != null) {
            applyStatus(a, data, false);
        }
        Instant now = now();
        if (!now.isBefore(a.statusDeadline)) {
            fail(a, new Failure("status_timeout", null, "TikTok has not finished processing the post after "
                    + config.status().deadline().toMinutes() + " minutes. It may still appear on TikTok; TikTimer keeps "
                    + "checking and will update the post.", false, true, null));
        }
        long next = Math.min((long) (a.pollIntervalMs * 1.5), config.status().maxPollInterval().toMillis());
        a.pollIntervalMs = Math.max(next, config.status().firstPoll().toMillis());
        Instant at = now.plusMillis(a.pollIntervalMs);
        parkUntil(a, at.isAfter(a.statusDeadline) ? a.statusDeadline : at);
    }

    private void lateCheck(PublishAttempt a) {
        Instant now = now();
        if (now.isAfter(a.lateCheckUntil)) {
            a.lateCheckUntil = null;
            throw Park.INSTANCE;
        }
        JsonNode data = fetchStatus(a, true);
        if (data != null) {
            applyStatus(a, data, true);
        }
        long next = Math.min(Math.max(a.pollIntervalMs * 2, config.status().lateFirstCheck().toMillis()),
                config.status().lateMaxInterval().toMillis());
        a.pollIntervalMs = next;
        parkUntil(a, now.plusMillis(next));
    }

    /** status/fetch; null when there is nothing to learn this time (the caller schedules the next look). */
    private JsonNode fetchStatus(PublishAttempt a, boolean late) {
        AccessToken token = late ? lateToken(a) : token(a);
        if (token == null) {
            return null;
        }
        acquire(a, RateLimiter.Endpoint.STATUS);
        ObjectNode body = json.createObjectNode().put("publish_id", a.publishId);
        TikTokReply reply = tiktok.post(TikTokClient.STATUS_FETCH, token.accessToken(), body);
        if (!(reply instanceof TikTokReply.Answered answer)) {
            return null;
        }
        if (answer.ok()) {
            a.tokenRejections = 0;
            return answer.dataOrMissing();
        }
        if ("access_token_invalid".equals(answer.code())) {
            if (late) {
                tokens.invalidate(a.tiktokAccountId, a.userId);
                return null;
            }
            tokenRejected(a);
        }
        if (FailureCatalog.transientRefusal(answer.httpStatus(), answer.code()) || late) {
            return null;
        }
        fail(a, new Failure(answer.code(), answer.logId(), "TikTok no longer lets TikTimer check this post ("
                + answer.code() + "), so whether it was published is unknown. Check the TikTok account.",
                false, true, null));
        return null;
    }

    private void applyStatus(PublishAttempt a, JsonNode data, boolean late) {
        String status = data.path("status").asText("");
        a.tiktokStatus = status;
        Instant now = now();
        switch (status) {
            case "PUBLISH_COMPLETE" -> {
                String postId = publicPostId(data.path("publicaly_available_post_id"));
                boolean wasPublished = a.state == AttemptState.PUBLISHED;
                if (wasPublished && postId == null) {
                    return; // still waiting for moderation
                }
                if (postId != null) {
                    a.publicPostId = postId;
                    a.shareUrl = a.creatorUsername == null ? null
                            : tiktokConfig.webBaseUrl() + "/@" + a.creatorUsername + "/video/" + postId;
                }
                a.state = AttemptState.PUBLISHED;
                a.finishedAt = now;
                clearError(a);
                if (postId == null && expectsPublicId(a)) {
                    a.lateCheckUntil = now.plus(config.status().lateResolutionWindow());
                    a.pollIntervalMs = config.status().lateFirstCheck().toMillis();
                    a.nextRunAt = now.plus(config.status().lateFirstCheck());
                } else {
                    a.lateCheckUntil = null;
                }
                store.save(a, events.published(a, PublishOutcome.PUBLISHED, now));
                LOG.infof("post %d #%d published as %s (public id %s)", a.postId, a.attempt, a.publishId, postId);
                throw Park.INSTANCE;
            }
            case "SEND_TO_USER_INBOX" -> {
                a.state = AttemptState.INBOX_DELIVERED;
                a.finishedAt = now;
                a.lateCheckUntil = null;
                clearError(a);
                store.save(a, events.published(a, PublishOutcome.INBOX_DELIVERED, now));
                LOG.infof("post %d #%d delivered to the inbox as %s", a.postId, a.attempt, a.publishId);
                throw Park.INSTANCE;
            }
            case "FAILED" -> {
                a.lateCheckUntil = null;
                String reason = data.path("fail_reason").asText("unknown");
                fail(a, FailureCatalog.tiktok(reason, null, null, now));
            }
            default -> {
                // PROCESSING_UPLOAD, PROCESSING_DOWNLOAD and statuses TikTok never documented: not terminal
            }
        }
    }

    private boolean expectsPublicId(PublishAttempt a) {
        return "DIRECT_POST".equals(a.mode) && "PUBLIC_TO_EVERYONE".equals(due(a).privacyLevel());
    }

    private static String publicPostId(JsonNode ids) {
        JsonNode first = ids.isArray() ? (ids.isEmpty() ? null : ids.get(0)) : ids;
        if (first == null || first.isNull() || first.isMissingNode()) {
            return null;
        }
        String id = first.isNumber() ? first.bigIntegerValue().toString() : first.asText();
        return id.isBlank() || "0".equals(id) ? null : id;
    }

    private static void clearError(PublishAttempt a) {
        a.errorCode = null;
        a.errorMessage = null;
        a.retryable = null;
        a.outcomeUnknown = null;
        a.retryNotBefore = null;
    }

    // ---------------------------------------------------------------- helpers

    private AccessToken token(PublishAttempt a) {
        try {
            return tokens.get(a.tiktokAccountId, a.userId);
        } catch (TokenProblem problem) {
            switch (problem.kind()) {
                case UNAVAILABLE -> transientFailure(a, problem.getMessage());
                case RECONNECT_REQUIRED -> fail(a, FailureCatalog.tiktok("reconnect_required", null, null, now()));
                case ACCOUNT_NOT_FOUND -> fail(a, FailureCatalog.ours("account_not_found",
                        "The TikTok account of this post is no longer connected to TikTimer: reconnect TikTok, "
                                + "then retry the post.", false));
            }
            throw Park.INSTANCE;
        }
    }

    /** Late checks never fail a post over a token: they just look again later. */
    private AccessToken lateToken(PublishAttempt a) {
        try {
            return tokens.get(a.tiktokAccountId, a.userId);
        } catch (TokenProblem problem) {
            return null;
        }
    }

    /**
     * TikTok said access_token_invalid. The first time we ask tiktok-service again (it refreshes tokens near expiry);
     * if TikTok refuses that one too, the account needs reconnecting.
     */
    private void tokenRejected(PublishAttempt a) {
        tokens.invalidate(a.tiktokAccountId, a.userId);
        a.tokenRejections++;
        if (a.tokenRejections < 2) {
            parkUntil(a, now());
        }
        tiktokService.reportReconnectRequired(a.tiktokAccountId, a.userId);
        fail(a, FailureCatalog.tiktok("reconnect_required", null, null, now()));
    }

    private void acquire(PublishAttempt a, RateLimiter.Endpoint endpoint) {
        Optional<Instant> wait = limiter.tryAcquire(a.tiktokAccountId, endpoint);
        if (wait.isPresent()) {
            parkUntil(a, wait.get());
        }
    }

    /** Something that may work later failed; back off, and give up (as reported below) after too many tries. */
    private void transientFailure(PublishAttempt a, String reason) {
        a.stepFailures++;
        LOG.infof("post %d #%d: %s (try %d)", a.postId, a.attempt, reason, a.stepFailures);
        if (a.stepFailures > config.retry().maxStepFailures()) {
            switch (a.state) {
                case PROCESSING -> fail(a, FailureCatalog.unknown("status_unavailable",
                        "TikTok could not be asked about the post for a long time; it may or may not be published. "
                                + "TikTimer keeps checking."));
                case UPLOADING -> fail(a, FailureCatalog.ours("upload_failed",
                        "The video could not be sent to TikTok, so nothing was published. It will be retried.", true));
                default -> fail(a, FailureCatalog.ours("tiktok_unavailable",
                        "TikTok or TikTimer's account service could not be reached. The post will be retried.", true));
            }
        }
        long factor = 1L << Math.min(a.stepFailures - 1, 20);
        Duration backoff = config.retry().initialBackoff().multipliedBy(factor);
        if (backoff.compareTo(config.retry().maxBackoff()) > 0) {
            backoff = config.retry().maxBackoff();
        }
        parkUntil(a, now().plus(backoff));
    }

    /** Reports the failure (post.failed through the outbox) and ends the run. */
    private void fail(PublishAttempt a, Failure f) {
        Instant now = now();
        a.state = f.outcomeUnknown() ? AttemptState.UNCONFIRMED : AttemptState.FAILED;
        a.errorCode = f.code();
        a.errorMessage = f.message();
        a.logId = f.logId();
        a.retryable = f.retryable();
        a.outcomeUnknown = f.outcomeUnknown();
        a.retryNotBefore = f.retryNotBefore();
        a.finishedAt = now;
        if (f.outcomeUnknown() && a.publishId != null) {
            // TikTok may still finish it: keep looking, and report the truth when it shows
            a.lateCheckUntil = now.plus(config.status().lateResolutionWindow());
            a.pollIntervalMs = config.status().lateFirstCheck().toMillis();
            a.nextRunAt = now.plus(config.status().lateFirstCheck());
        }
        store.save(a, events.failed(a, f, now));
        LOG.infof("post %d #%d %s: %s%s", a.postId, a.attempt, a.state, f.code(),
                f.logId() == null ? "" : " (log_id " + f.logId() + ")");
        throw Park.INSTANCE;
    }

    private void parkUntil(PublishAttempt a, Instant at) {
        a.nextRunAt = at;
        throw Park.INSTANCE;
    }

    private PostDue due(PublishAttempt a) {
        return events.fromJson(a.duePayload, PostDue.class);
    }

    private Instant now() {
        return clock.instant();
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
