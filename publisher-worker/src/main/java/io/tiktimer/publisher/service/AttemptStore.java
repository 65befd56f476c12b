package io.tiktimer.publisher.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiktimer.contracts.Event;
import io.tiktimer.publisher.AttemptState;
import io.tiktimer.publisher.PublishAttempt;
import io.tiktimer.publisher.mapping.EventMapper;
import io.tiktimer.publisher.repository.OutboxRepository;
import io.tiktimer.publisher.repository.PublishAttemptRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Short transactions around one attempt. Network calls never run inside them: a processor loads the row, talks to
 * TikTok, then writes the result (and the event reporting it, through the outbox) in one commit.
 */
@ApplicationScoped
public class AttemptStore {

    private final PublishAttemptRepository attempts;
    private final OutboxRepository outbox;
    private final EventMapper events;
    private final ObjectMapper json;
    private final EntityManager em;
    private final Clock clock;

    public AttemptStore(PublishAttemptRepository attempts, OutboxRepository outbox, EventMapper events,
                        ObjectMapper json, EntityManager em, Clock clock) {
        this.attempts = attempts;
        this.outbox = outbox;
        this.events = events;
        this.json = json;
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PublishAttempt load(long id) {
        PublishAttempt a = attempts.findById(id);
        if (a != null) {
            em.detach(a);
        }
        return a;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void save(PublishAttempt a) {
        a.updatedAt = clock.instant();
        em.merge(a);
    }

    /** State change plus the event that reports it, atomically: the event exists if and only if the change does. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void save(PublishAttempt a, Event event) {
        String payload = events.toJson(event);
        if (event instanceof io.tiktimer.contracts.PostPublishing) {
            a.publishingEvent = payload;
        } else {
            a.outcomeEvent = payload;
        }
        a.updatedAt = clock.instant();
        em.merge(a);
        outbox.enqueue(event.eventId(), EventMapper.topicOf(event), event.kafkaKey(), payload, clock.instant());
    }

    /**
     * A post.due arrived again for an attempt we already have: queue the stored events again under their original
     * event ids (consumers dedupe by id), and wake the attempt if it still has work to do.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void redelivered(PublishAttempt a) {
        Instant now = clock.instant();
        if (a.publishingEvent != null) {
            requeue(a.publishingEvent, now);
        }
        if (a.outcomeEvent != null) {
            requeue(a.outcomeEvent, now.plusMillis(1));
        }
        if (!a.state.terminal() && (a.leaseUntil == null || a.leaseUntil.isBefore(now))) {
            a.nextRunAt = now;
        }
    }

    private void requeue(String payload, Instant at) {
        try {
            JsonNode node = json.readTree(payload);
            String type = node.path("type").asText();
            outbox.enqueue(UUID.fromString(node.path("eventId").asText()), EventMapper.topicOfType(type),
                    Long.toString(node.path("postId").asLong()), payload, at);
        } catch (IOException e) {
            throw new IllegalStateException("stored event is not JSON", e);
        }
    }

    public static boolean isActive(AttemptState state) {
        return AttemptState.ACTIVE.contains(state);
    }
}
