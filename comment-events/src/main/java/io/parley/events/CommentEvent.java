package io.parley.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.UUID;

/**
 * An event about one comment, written by ingest to {@link Topics#COMMENTS}. The JSON carries a
 * {@code type} discriminator so that one topic keeps every event of a comment in order.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CommentSubmitted.class, name = CommentSubmitted.TYPE),
        @JsonSubTypes.Type(value = CommentEdited.class, name = CommentEdited.TYPE),
        @JsonSubTypes.Type(value = CommentWithdrawn.class, name = CommentWithdrawn.TYPE)
})
public sealed interface CommentEvent extends VersionedEvent permits CommentSubmitted, CommentEdited, CommentWithdrawn {

    UUID commentId();

    /** Per comment, strictly increasing: consumers ignore an event whose version they have already applied. */
    long version();

    String postId();

    Instant occurredAt();
}
