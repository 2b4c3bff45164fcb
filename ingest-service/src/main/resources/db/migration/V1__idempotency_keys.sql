-- Submissions made with an Idempotency-Key, kept for the retention period (24 h by default).
-- Only what a retry needs; no IP address, no user agent.
create table idempotency_key (
    idempotency_key varchar(200) primary key,
    request_hash    varchar(64)  not null,
    comment_id      uuid         not null,
    post_id         varchar(200) not null,
    event           text         not null,
    created_at      timestamptz  not null
);

create index idempotency_key_created_idx on idempotency_key (created_at);
