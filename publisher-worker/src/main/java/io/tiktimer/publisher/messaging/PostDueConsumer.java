package io.tiktimer.publisher.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tiktimer.contracts.PostDue;
import io.tiktimer.publisher.service.AttemptDispatcher;
import io.tiktimer.publisher.service.IntakeService;
import io.tiktimer.servicekit.messaging.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;

/**
 * Consumes post.due (group publisher-worker, manual commits). The method returns only after the attempt is committed
 * to PostgreSQL; only then is the message acknowledged and its offset committed. A message that cannot be understood
 * is nacked and lands on {@code post.due.publisher-worker.dlq} at once; any other failure (PostgreSQL away) is retried
 * with backoff for up to ten minutes, the policy every consumer shares (see {@link PoisonMessageException}).
 */
@ApplicationScoped
public class PostDueConsumer {
    private static final Logger LOG = Logger.getLogger(PostDueConsumer.class);

    private final IntakeService intake;
    private final AttemptDispatcher dispatcher;
    private final ObjectMapper json;

    public PostDueConsumer(IntakeService intake, AttemptDispatcher dispatcher, ObjectMapper json) {
        this.intake = intake;
        this.dispatcher = dispatcher;
        this.json = json;
    }

    @Incoming("post-due")
    @Blocking
    @Retry(maxRetries = -1, delay = 200, maxDuration = 10, durationUnit = ChronoUnit.MINUTES,
            abortOn = PoisonMessageException.class)
    @ExponentialBackoff(maxDelay = 15, maxDelayUnit = ChronoUnit.SECONDS)
    public void consume(String payload) {
        PostDue due = parse(payload);
        // a retry after a database hiccup is safe: recording the same post.due twice ends up as a duplicate
        IntakeService.Result result = intake.record(due, payload);
        LOG.infof("post.due %s for post %d #%d on account %d: %s", due.eventId(), due.postId(), due.attempt(),
                due.tiktokAccountId(), result);
        dispatcher.wake();
    }

    PostDue parse(String payload) {
        try {
            JsonNode node = json.readTree(payload);
            if (node == null || !PostDue.TYPE.equals(node.path("type").asText())
                    || node.path("version").asInt() != PostDue.VERSION) {
                throw new PoisonMessageException("not a post.due v1 event", null);
            }
            PostDue due = json.treeToValue(node, PostDue.class);
            if (due.postId() <= 0 || due.userId() <= 0 || due.attempt() <= 0 || due.tiktokAccountId() <= 0
                    || due.mode() == null || due.mediaType() == null) {
                throw new PoisonMessageException("post.due without post, user, attempt, account, mode or media type",
                        null);
            }
            return due;
        } catch (PoisonMessageException e) {
            throw e;
        } catch (Exception e) {
            throw new PoisonMessageException("unreadable post.due: " + e.getMessage(), e);
        }
    }
}
