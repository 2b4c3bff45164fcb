-- The read model: the newest decision applied for every comment publish has heard of.
-- Hidden comments keep their row (so an older, stale decision can never resurrect them) but
-- lose their content.
create table published_comment (
    id               uuid primary key,
    post_id          varchar(200) not null,
    parent_id        uuid,
    visible          boolean      not null,
    author_name      varchar(100),
    author_url       varchar(2048),
    html             text,
    submitted_at     timestamptz  not null,
    decision_version bigint       not null,
    updated_at       timestamptz  not null
);

create index published_comment_thread_idx on published_comment (post_id, submitted_at) where visible;
