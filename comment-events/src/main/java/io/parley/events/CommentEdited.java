package io.parley.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The commenter changed the text of their comment within the edit window. Moderation judges the new
 * text again; the comment keeps its id, post, parent and author.
 *
 * @param version greater than that of every earlier event about the comment (ingest uses the time of the
 *                edit in epoch milliseconds, so instances need no shared counter)
 */
public record CommentEdited(
        int schemaVersion,
        UUID commentId,
        long version,
        String postId,
        String body,
        Instant occurredAt) implements CommentEvent {

    public static final String TYPE = "comment.edited";

    public static CommentEdited of(UUID commentId, long version, String postId, String body, Instant editedAt) {
        return new CommentEdited(SCHEMA_VERSION, commentId, version, postId, body, editedAt);
    }
}
