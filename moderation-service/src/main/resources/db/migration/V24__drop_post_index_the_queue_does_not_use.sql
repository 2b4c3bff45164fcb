-- Every query that picks comments by post also picks them by outcome (the moderation queue), which
-- comment_post_outcome_idx (post_id, outcome, submitted_at) serves; this index was only written, an
-- entry for every comment moderation stores.
drop index comment_post_idx;
