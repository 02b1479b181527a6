-- Personal access tokens for the JSON API (issue 17). Only the SHA-256 of a token is kept; the token itself is
-- shown once. A revoked token keeps its row (revoked_at), so the audit trail's token names stay explained.
create table api_token (
    id          bigint generated always as identity primary key,
    account_id  bigint      not null references account (id),
    name        varchar(64) not null,
    token_hash  char(64)    not null unique,
    may_write   boolean     not null,
    created_at  timestamptz not null,
    revoked_at  timestamptz,
    constraint api_token_name_not_blank check (length(btrim(name)) > 0)
);
-- A person's live tokens have different names (revoked ones may repeat a name).
create unique index api_token_live_name_idx on api_token (account_id, lower(name)) where revoked_at is null;
create index api_token_account_idx on api_token (account_id, created_at desc);
create constraint trigger change_stamp after insert or update or delete on api_token
    deferrable initially deferred for each row execute function change_stamp_move();

-- When a token was last used, and from where: written on every API request, so kept apart from api_token and
-- without the change-stamp trigger (it would move the stamp, and so every ETag, on every request); like the
-- sign-in throttle's counters it is not part of a backup.
create table api_token_use (
    token_id     bigint      primary key references api_token (id),
    last_used_at timestamptz not null,
    last_address varchar(64) not null
);

-- Rate limits shared by every instance: one counter per key (a token or an address) and fixed window.
create table api_rate_window (
    bucket       varchar(80) not null,
    window_start timestamptz not null,
    hits         integer     not null,
    primary key (bucket, window_start)
);
create index api_rate_window_start_idx on api_rate_window (window_start);

-- Idempotency-Key on POST: the first answer to a key, replayed for retries (per token, for a day).
create table api_idempotency (
    token_id     bigint       not null references api_token (id),
    idem_key     varchar(128) not null,
    request_hash char(64)     not null,
    status       integer      not null,
    location     varchar(512),
    content_type varchar(100),
    body         text         not null,
    created_at   timestamptz  not null,
    primary key (token_id, idem_key)
);
create index api_idempotency_created_idx on api_idempotency (created_at);
create constraint trigger change_stamp after insert or update or delete on api_idempotency
    deferrable initially deferred for each row execute function change_stamp_move();
