package io.tiktimer.publisher.attempt;

import io.tiktimer.contracts.MediaRef;
import io.tiktimer.contracts.MediaType;
import io.tiktimer.contracts.PostDue;
import io.tiktimer.contracts.PostMode;
import io.tiktimer.publisher.AttemptState;
import io.tiktimer.publisher.PublishAttempt;
import io.tiktimer.publisher.client.AccessToken;
import io.tiktimer.publisher.client.MediaStore;
import io.tiktimer.publisher.client.TikTokClient;
import io.tiktimer.publisher.client.TikTokReply;
import io.tiktimer.publisher.config.PublisherConfig;
import io.tiktimer.publisher.mapping.EventMapper;
import io.tiktimer.publisher.service.AttemptStore;
import io.tiktimer.publisher.service.ChunkPlan;
import io.tiktimer.publisher.service.Failure;
import io.tiktimer.publisher.service.FailureCatalog;
import io.tiktimer.publisher.service.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code RECEIVED}: everything before the init is safe to repeat (checks, token, creator_info, the media's size). The
 * init itself is the one call that creates a post at TikTok, so the attempt is stored as {@code INIT_SENDING} (with
 * the rate-limit permit) before it is sent, and {@code publish_id} with {@code post.publishing} right after TikTok
 * accepted it, before any byte is uploaded.
 */
@ApplicationScoped
public class InitStep {
    private static final Logger LOG = Logger.getLogger(InitStep.class);
    /** TikTok's upload URL lives an hour; leave margin for the last chunk. */
    private static final Duration UPLOAD_WINDOW = Duration.ofMinutes(55);

    private final AttemptEnds ends;
    private final InitRequest request;
    private final RateLimiter limiter;
    private final TikTokClient tiktok;
    private final MediaStore media;
    private final AttemptStore store;
    private final EventMapper events;
    private final PublisherConfig config;

    public InitStep(AttemptEnds ends, InitRequest request, RateLimiter limiter, TikTokClient tiktok, MediaStore media,
                    AttemptStore store, EventMapper events, PublisherConfig config) {
        this.ends = ends;
        this.request = request;
        this.limiter = limiter;
        this.tiktok = tiktok;
        this.media = media;
        this.store = store;
        this.events = events;
        this.config = config;
    }

    Next run(PublishAttempt a) {
        PostDue due = ends.due(a);
        Optional<Failure> invalid = request.invalid(due);
        if (invalid.isPresent()) {
            return ends.fail(a, invalid.get());
        }
        Attempted<AccessToken> token = ends.token(a);
        if (token.halted()) {
            return token.halt();
        }
        if (due.mode() == PostMode.DIRECT_POST) {
            Optional<Next> refused = checkCreator(a, due, token.value());
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        ChunkPlan plan = null;
        if (due.mediaType() == MediaType.VIDEO && !request.pullsVideos()) {
            Attempted<ChunkPlan> planned = planUpload(a, due.media().get(0));
            if (planned.halted()) {
                return planned.halt();
            }
            plan = planned.value();
        }
        RateLimiter.InitPermit permit = limiter.acquireInit(a.id, a.tiktokAccountId, due.mode());
        if (permit instanceof RateLimiter.InitPermit.Wait wait) {
            return Next.parkUntil(wait.until());
        }
        if (permit instanceof RateLimiter.InitPermit.CapReached cap) {
            return ends.fail(a, cap.failure());
        }
        Instant grantedAt = ((RateLimiter.InitPermit.Granted) permit).at();
        a.state = AttemptState.INIT_SENDING;
        a.initStartedAt = grantedAt;
        return send(a, due, token.value(), plan);
    }

    private Next send(PublishAttempt a, PostDue due, AccessToken token, ChunkPlan plan) {
        TikTokReply reply = tiktok.post(request.path(due), token.accessToken(), request.body(due, plan));
        if (reply instanceof TikTokReply.NotSent notSent) {
            backToReceived(a);
            return ends.transientFailure(a, "TikTok unreachable: " + notSent.reason());
        }
        if (reply instanceof TikTokReply.Unknown unknown) {
            LOG.warnf("init of post %d #%d has an unknown outcome: %s", a.postId, a.attempt, unknown.reason());
            return ends.fail(a, FailureCatalog.unknown("init_outcome_unknown",
                    "TikTok did not answer while creating the post, so it may or may not be on TikTok. Check the "
                            + "TikTok account before publishing it again."));
        }
        TikTokReply.Answered answer = (TikTokReply.Answered) reply;
        if (answer.ok()) {
            return accepted(a, plan, answer);
        }
        backToReceived(a);
        return ends.refused(a, answer);
    }

    private static void backToReceived(PublishAttempt a) {
        // TikTok answered with a refusal (or was never reached): no post exists, so init may be tried again later
        a.state = AttemptState.RECEIVED;
        a.initStartedAt = null;
    }

    private Next accepted(PublishAttempt a, ChunkPlan plan, TikTokReply.Answered answer) {
        String publishId = answer.dataOrMissing().path("publish_id").asText(null);
        if (publishId == null || publishId.isBlank()) {
            return ends.fail(a, FailureCatalog.unknown("init_outcome_unknown",
                    "TikTok accepted the post without naming it, so its fate is unknown. Check the TikTok account."));
        }
        Instant now = ends.now();
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
            a.state = a.uploadUrl == null ? AttemptState.PROCESSING : AttemptState.UPLOADING;
        } else {
            a.state = AttemptState.PROCESSING;
        }
        if (a.state == AttemptState.PROCESSING) {
            StatusStep.startPolling(a, now, config);
        }
        // publish_id and the post.publishing fact are durable before any byte is sent
        store.save(a, events.publishing(a, now));
        LOG.infof("post %d #%d: TikTok accepted init as %s", a.postId, a.attempt, publishId);
        return a.state == AttemptState.UPLOADING ? Next.CONTINUE : Next.STOP;
    }

    /** creator_info right before the init: the creator's options change, and TikTok refuses what they do not offer. */
    private Optional<Next> checkCreator(PublishAttempt a, PostDue due, AccessToken token) {
        Optional<Next> wait = ends.permit(a, RateLimiter.Endpoint.CREATOR_INFO);
        if (wait.isPresent()) {
            return wait;
        }
        TikTokReply reply = tiktok.post(TikTokClient.CREATOR_INFO, token.accessToken(), request.emptyBody());
        if (!(reply instanceof TikTokReply.Answered answer)) {
            return Optional.of(ends.transientFailure(a, "creator_info unanswered: " + reply));
        }
        if (!answer.ok()) {
            return Optional.of(ends.refused(a, answer));
        }
        a.tokenRejections = 0;
        a.creatorUsername = answer.dataOrMissing().path("creator_username").asText(null);
        return request.refusedByCreator(due, answer.dataOrMissing(), answer.logId()).map(f -> ends.fail(a, f));
    }

    private Attempted<ChunkPlan> planUpload(PublishAttempt a, MediaRef video) {
        OptionalLong size;
        try {
            size = media.size(video.bucket(), video.key());
        } catch (RuntimeException e) {
            return Attempted.halt(ends.transientFailure(a, "media store unavailable: " + e.getMessage()));
        }
        if (size.isEmpty()) {
            return Attempted.halt(ends.fail(a, FailureCatalog.ours("media_missing",
                    "The video file is gone. Upload it again.", false)));
        }
        if (size.getAsLong() != video.sizeBytes()) {
            return Attempted.halt(ends.fail(a, FailureCatalog.ours("media_changed",
                    "The stored video does not match the one scheduled. Upload it again.", false)));
        }
        try {
            return Attempted.of(ChunkPlan.of(size.getAsLong(), config.upload().singleRequestMaxBytes(),
                    config.upload().chunkSizeBytes(), config.upload().maxChunks()));
        } catch (IllegalArgumentException e) {
            return Attempted.halt(ends.fail(a, FailureCatalog.ours("video_too_large",
                    "TikTok cannot take this video: " + e.getMessage() + ".", false)));
        }
    }
}
