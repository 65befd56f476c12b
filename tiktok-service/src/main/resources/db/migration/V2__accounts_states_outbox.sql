-- Connected TikTok accounts. open_id is TikTok's stable per-app account key and is unique across all users: TikTok
-- revokes a consent per (app, open_id), so two TikTimer users sharing one TikTok account could revoke each other.
-- Tokens are only ever stored as AES-GCM ciphertexts (see TokenCipher); token_key_id names the key that sealed them,
-- so operators can see when an old key is no longer in use and may be retired.
create table tiktok_account (
    id                        bigint generated always as identity primary key,
    user_id                   bigint        not null,
    open_id                   varchar(128)  not null unique,
    display_name              varchar(255),
    username                  varchar(255),
    avatar_url                varchar(2048),
    status                    varchar(32)   not null check (status in ('CONNECTED', 'NEEDS_RECONNECT')),
    granted_scopes            varchar(1024) not null,
    access_token_ciphertext   bytea         not null,
    refresh_token_ciphertext  bytea         not null,
    token_key_id              varchar(64)   not null,
    access_token_expires_at   timestamptz   not null,
    refresh_token_expires_at  timestamptz   not null,
    connected_at              timestamptz   not null,
    tokens_refreshed_at       timestamptz   not null,
    updated_at                timestamptz   not null
);
create index tiktok_account_user_idx on tiktok_account (user_id);
-- The proactive refresh job only ever looks at connected accounts ordered by expiry.
create index tiktok_account_refresh_due_idx on tiktok_account (access_token_expires_at) where status = 'CONNECTED';

-- OAuth state values handed to TikTok's authorize page. Only a SHA-256 of the value is kept: the state is a
-- short-lived bearer secret that binds the callback to a user.
create table oauth_state (
    id          bigint generated always as identity primary key,
    state_hash  varchar(64) not null unique,
    user_id     bigint      not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null
);
create index oauth_state_user_idx on oauth_state (user_id);
create index oauth_state_expiry_idx on oauth_state (expires_at);

-- Transactional outbox, same shape in every service (docs/conventions.md).
create table outbox_event (
    id         uuid primary key,
    topic      varchar(100) not null,
    kafka_key  varchar(100) not null,
    payload    jsonb        not null,
    created_at timestamptz  not null default now()
);
create index outbox_event_created_idx on outbox_event (created_at);
