package io.tiktimer.publisher.messaging;

import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tiktimer.contracts.PostDue;
import io.tiktimer.publisher.service.AttemptDispatcher;
import io.tiktimer.publisher.service.IntakeService;
import io.tiktimer.servicekit.logging.LogContext;
import io.tiktimer.servicekit.messaging.ConsumerRetry;
import io.tiktimer.servicekit.messaging.EventCodec;
import io.tiktimer.servicekit.messaging.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes post.due (group publisher-worker, manual commits). The method returns only after the attempt is committed
 * to PostgreSQL; only then is the message acknowledged and its offset committed. A message that cannot be understood
 * is nacked and lands on {@code post.due.publisher-worker.dlq} at once; any other failure (PostgreSQL away) is retried
 * with backoff, the policy every consumer shares ({@link ConsumerRetry}).
 */
@ApplicationScoped
public class PostDueConsumer {
    private static final Logger LOG = Logger.getLogger(PostDueConsumer.class);

    private final IntakeService intake;
    private final AttemptDispatcher dispatcher;
    private final EventCodec codec;

    public PostDueConsumer(IntakeService intake, AttemptDispatcher dispatcher, EventCodec codec) {
        this.intake = intake;
        this.dispatcher = dispatcher;
        this.codec = codec;
    }

    @Incoming("post-due")
    @Blocking
    @ApplyGuard(ConsumerRetry.NAME)
    public void consume(String payload) {
        PostDue due = parse(payload);
        try (LogContext ignored = LogContext.post(due.postId(), due.tiktokAccountId())) {
            // a retry after a database hiccup is safe: recording the same post.due twice ends up as a duplicate
            IntakeService.Result result = intake.record(due, payload);
            LOG.infof("post.due %s for post %d #%d on account %d: %s", due.eventId(), due.postId(), due.attempt(),
                    due.tiktokAccountId(), result);
        }
        dispatcher.wake();
    }

    PostDue parse(String payload) {
        PostDue due = codec.read(payload, PostDue.class);
        if (due.postId() <= 0 || due.userId() <= 0 || due.attempt() <= 0 || due.tiktokAccountId() <= 0
                || due.mode() == null || due.mediaType() == null) {
            throw new PoisonMessageException("post.due without post, user, attempt, account, mode or media type", null);
        }
        return due;
    }
}
