-- The trace an event was written in (W3C traceparent), so the relay's send and its consumers continue it.
alter table outbox_event add column traceparent varchar(55);
