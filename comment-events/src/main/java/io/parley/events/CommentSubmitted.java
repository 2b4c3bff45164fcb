package io.parley.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A reader submitted a new comment; ingest wrote it after validation. Version is always 1.
 *
 * @param parentId  the comment this one replies to, or {@code null} for a top-level comment
 * @param body      the Markdown source as typed (trimmed); rendering happens in publish
 * @param authorKey a stable pseudonym of the commenter (keyed hash of name and e-mail), so moderation
 *                  can trust someone with a record of approved comments without knowing who they are;
 *                  {@code null} from producers that predate it
 * @param signals   how the comment was submitted; {@code null} from producers that predate it
 */
public record CommentSubmitted(
        int schemaVersion,
        UUID commentId,
        long version,
        String postId,
        UUID parentId,
        CommentAuthor author,
        String body,
        Instant occurredAt,
        String authorKey,
        AbuseSignals signals) implements CommentEvent {

    public static final String TYPE = "comment.submitted";

    public static CommentSubmitted of(UUID commentId, String postId, UUID parentId, CommentAuthor author,
                                      String body, Instant submittedAt, String authorKey, AbuseSignals signals) {
        return new CommentSubmitted(SCHEMA_VERSION, commentId, 1, postId, parentId, author, body, submittedAt,
                authorKey, signals);
    }
}
