package io.tiktimer.tiktok;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An event whose effect is durable; written in the same transaction as that effect. */
@Entity
@Table(name = "consumed_event")
public class ConsumedEvent {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "event_type", nullable = false, length = 64)
    public String eventType;

    @Column(name = "consumed_at", nullable = false)
    public Instant consumedAt;
}
