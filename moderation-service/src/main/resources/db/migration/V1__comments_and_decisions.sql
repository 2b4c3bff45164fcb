-- Comments as moderation received them, and every decision ever taken about them.
create table comment (
    id               uuid primary key,
    post_id          varchar(200)  not null,
    parent_id        uuid,
    author_name      varchar(100)  not null,
    author_email     varchar(254),
    author_url       varchar(2048),
    body             text          not null,
    event_version    bigint        not null,
    submitted_at     timestamptz   not null,
    received_at      timestamptz   not null,
    outcome          varchar(16)   not null,
    decision_version bigint        not null
);

create index comment_post_idx on comment (post_id, submitted_at);
create index comment_outcome_idx on comment (outcome, submitted_at);

create table decision (
    id          bigserial primary key,
    comment_id  uuid         not null references comment (id),
    version     bigint       not null,
    outcome     varchar(16)  not null,
    decided_by  varchar(100) not null,
    reason      text,
    decided_at  timestamptz  not null,
    constraint decision_comment_version_uk unique (comment_id, version)
);
