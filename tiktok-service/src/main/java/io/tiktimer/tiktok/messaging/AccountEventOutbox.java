package io.tiktimer.tiktok.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiktimer.contracts.AccountStatus;
import io.tiktimer.contracts.Topics;
import io.tiktimer.contracts.TikTokAccountChanged;
import io.tiktimer.tiktok.OutboxEvent;
import io.tiktimer.tiktok.TikTokAccount;
import io.tiktimer.tiktok.mapping.AccountMapper;
import io.tiktimer.tiktok.repository.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Writes {@link TikTokAccountChanged} into the outbox inside the caller's transaction, so the event exists if and
 * only if the account change committed. {@link OutboxRelay} sends it later.
 */
@ApplicationScoped
public class AccountEventOutbox {

    private final OutboxRepository outbox;
    private final ObjectMapper mapper;
    private final Clock clock;

    public AccountEventOutbox(OutboxRepository outbox, ObjectMapper mapper, Clock clock) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TikTokAccountChanged accountChanged(TikTokAccount account, AccountStatus status) {
        TikTokAccountChanged event = AccountMapper.toEvent(account, status, clock.instant());
        OutboxEvent row = new OutboxEvent();
        row.id = event.eventId();
        row.topic = Topics.TIKTOK_ACCOUNT;
        row.kafkaKey = event.kafkaKey();
        try {
            row.payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("TikTokAccountChanged is not serializable", e);
        }
        // The wall clock, not the business clock: relay order must follow commit order even when tests move time.
        row.createdAt = java.time.Instant.now();
        outbox.persist(row);
        return event;
    }
}
