-- Idempotent consumers: an event's id is recorded in the same transaction as its effect, so a redelivered event
-- (Kafka is at-least-once, the outbox relay may send twice) is recognised and skipped.
create table consumed_event (
    event_id    uuid primary key,
    event_type  varchar(64) not null,
    consumed_at timestamptz not null default now()
);
