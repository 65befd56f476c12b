-- The trace of the post.due an attempt came from, continued by every run of the attempt on the worker's own threads,
-- and the trace each outbox event was written in (W3C traceparent), continued by the relay's send and its consumers.
alter table publish_attempt add column traceparent varchar(55);
alter table outbox_event add column traceparent varchar(55);
