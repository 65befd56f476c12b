-- The trace of the request that last scheduled a post, continued by the dispatcher when the post falls due, and the
-- trace each outbox event was written in (W3C traceparent), continued by the relay's send and by its consumers.
alter table post add column traceparent varchar(55);
alter table outbox_event add column traceparent varchar(55);
