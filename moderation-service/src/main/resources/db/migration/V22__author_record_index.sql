-- Trust reads each author's approvals and refusals separately, capped (ModeratedCommentRepository
-- .outcomesByAuthor): with the outcome in the index each read is a short index range, however many
-- comments share the author key. The old single-column index is a prefix of this one.
create index comment_author_outcome_idx on comment (author_key, outcome) where author_key is not null;
drop index comment_author_key_idx;
