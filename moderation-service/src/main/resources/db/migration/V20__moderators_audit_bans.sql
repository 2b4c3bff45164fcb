-- Moderator accounts, the audit trail of their decisions, and bans of commenters or clients.

create table moderator (
    username      varchar(100) primary key,
    password_hash varchar(100) not null,
    role          varchar(16)  not null check (role in ('moderator', 'admin')),
    enabled       boolean      not null default true,
    created_at    timestamptz  not null
);

-- One row per moderator decision: who, when, from -> to, why, and the model in force at the time.
create table moderator_audit (
    id               bigserial    primary key,
    comment_id       uuid         not null references comment (id),
    decision_version bigint       not null,
    moderator        varchar(100) not null,
    decided_at       timestamptz  not null,
    from_outcome     varchar(16)  not null,
    to_outcome       varchar(16)  not null,
    reason           text,
    model_version    integer,
    constraint moderator_audit_decision_uk unique (comment_id, decision_version)
);
create index moderator_audit_decided_at_idx on moderator_audit (decided_at);

-- A banned author key or client fingerprint makes every new comment from it spam until it expires.
create table ban (
    id         bigserial    primary key,
    kind       varchar(16)  not null check (kind in ('author', 'fingerprint')),
    value      varchar(200) not null,
    reason     text,
    created_by varchar(100) not null,
    created_at timestamptz  not null,
    expires_at timestamptz  not null
);
create index ban_value_idx on ban (kind, value, expires_at);

-- Queue filters: by post and status; by campaign through campaign_member.
create index comment_post_outcome_idx on comment (post_id, outcome, submitted_at);
