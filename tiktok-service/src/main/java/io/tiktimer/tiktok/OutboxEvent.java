package io.tiktimer.tiktok;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** An event written in the same transaction as the change it reports; the relay publishes and then deletes it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    /** The event's own eventId, so a consumer's duplicate check and the outbox row agree. */
    @Id
    public UUID id;

    @Column(name = "topic", nullable = false, length = 100)
    public String topic;

    @Column(name = "kafka_key", nullable = false, length = 100)
    public String kafkaKey;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "payload", nullable = false, columnDefinition = "jsonb")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
