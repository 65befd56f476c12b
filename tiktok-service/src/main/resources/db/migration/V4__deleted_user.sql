-- Users whose account was deleted, kept for as long as a request verified before the deletion could still connect a
-- TikTok account: what such a request stores after the clean-up is erased again (UserDeletionService).
create table deleted_user (
    user_id    bigint primary key,
    deleted_at timestamptz not null default now()
);
