package io.parley.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The commenter withdrew their comment within the edit window; it must disappear from the thread.
 * Final: a later edit of a withdrawn comment changes nothing. {@code version} is as for {@link CommentEdited}.
 */
public record CommentWithdrawn(
        int schemaVersion,
        UUID commentId,
        long version,
        String postId,
        Instant occurredAt) implements CommentEvent {

    public static final String TYPE = "comment.withdrawn";

    public static CommentWithdrawn of(UUID commentId, long version, String postId, Instant withdrawnAt) {
        return new CommentWithdrawn(SCHEMA_VERSION, commentId, version, postId, withdrawnAt);
    }
}
