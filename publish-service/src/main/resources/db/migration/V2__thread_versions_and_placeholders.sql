-- A comment taken down after readers saw it leaves a placeholder while it has visible replies, so
-- the thread stays intact: `was_published` remembers that readers saw it. `body_sha256` (a digest,
-- not the text) tells an edit from a re-approval of the same words; `edited_at` is shown to readers.
alter table published_comment add column was_published boolean not null default false;
alter table published_comment add column body_sha256 varchar(64);
alter table published_comment add column edited_at timestamptz;
update published_comment set was_published = visible;

drop index published_comment_thread_idx;
create index published_comment_thread_idx on published_comment (post_id) where was_published;

-- One row per post, maintained by the decision consumer in the transaction that changes the post's
-- comments: `version` changes whenever what readers see may change, so ETags and counts cost one
-- key lookup instead of a scan of the thread.
create table thread (
    post_id    varchar(200) primary key,
    version    bigint      not null,
    count      integer     not null,
    updated_at timestamptz not null
);

insert into thread (post_id, version, count, updated_at)
select post_id, 1, count(*) filter (where visible), max(updated_at)
from published_comment
group by post_id;
