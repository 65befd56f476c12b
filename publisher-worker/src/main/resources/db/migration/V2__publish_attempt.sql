-- One row per publish attempt (post id, attempt number). It is the source of truth for what was sent to TikTok:
-- the state is written BEFORE each step that may have an effect at TikTok, so a crash leaves a row that says
-- exactly which steps are safe to repeat.
create table publish_attempt (
    id                    bigint generated always as identity primary key,
    post_id               bigint       not null,
    attempt               int          not null,
    user_id               bigint       not null,
    tiktok_account_id     bigint       not null,
    due_event_id          uuid         not null,
    due_payload           text         not null,
    mode                  varchar(16)  not null,
    media_type            varchar(16)  not null,
    state                 varchar(24)  not null,
    publish_id            varchar(64),
    upload_url            varchar(1024),
    upload_url_expires_at timestamptz,
    video_size            bigint,
    chunk_size            bigint,
    chunk_count           int,
    bytes_committed       bigint       not null default 0,
    creator_username      varchar(128),
    tiktok_status         varchar(40),
    error_code            varchar(80),
    error_message         text,
    log_id                varchar(80),
    retryable             boolean,
    outcome_unknown       boolean,
    retry_not_before      timestamptz,
    public_post_id        varchar(40),
    share_url             varchar(300),
    next_run_at           timestamptz  not null,
    lease_owner           varchar(80),
    lease_until           timestamptz,
    step_failures         int          not null default 0,
    token_rejections      int          not null default 0,
    poll_interval_ms      bigint       not null default 0,
    status_deadline       timestamptz,
    late_check_until      timestamptz,
    init_started_at       timestamptz,
    init_accepted_at      timestamptz,
    upload_completed_at   timestamptz,
    finished_at           timestamptz,
    publishing_event      text,
    outcome_event         text,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    constraint uq_publish_attempt_post_attempt unique (post_id, attempt)
);

-- The dispatcher's claim query: runnable rows by due time.
create index ix_publish_attempt_runnable on publish_attempt (next_run_at)
    where state in ('RECEIVED', 'INIT_SENDING', 'UPLOADING', 'PROCESSING') or late_check_until is not null;
-- Daily cap accounting per TikTok account.
create index ix_publish_attempt_account_init on publish_attempt (tiktok_account_id, init_started_at);

-- Transactional outbox (same table in every service, see docs/conventions.md).
create table outbox_event (
    id         uuid primary key,
    topic      varchar(100) not null,
    kafka_key  varchar(100) not null,
    payload    jsonb        not null,
    created_at timestamptz  not null default now()
);
create index ix_outbox_event_created on outbox_event (created_at);

-- Calls granted by the local rate limiter, per TikTok account and endpoint: a sliding one-minute window that every
-- worker instance shares, so TikTok's own limiter never has to refuse.
create table rate_permit (
    id         bigint generated always as identity primary key,
    account_id bigint      not null,
    endpoint   varchar(24) not null,
    granted_at timestamptz not null
);
create index ix_rate_permit_window on rate_permit (account_id, endpoint, granted_at);
