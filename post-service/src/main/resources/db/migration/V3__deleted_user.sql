-- Users whose account was deleted, kept for as long as a request verified before the deletion could still write:
-- what such a request stores after the clean-up is erased again by UserDataService.sweepLateArrivals.
create table deleted_user (
    user_id    bigint primary key,
    deleted_at timestamptz not null default now()
);
