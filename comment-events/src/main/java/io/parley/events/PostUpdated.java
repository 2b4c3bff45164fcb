package io.parley.events;

import java.time.Instant;

/**
 * The blog registered or changed a post. Written to the compacted {@link Topics#POSTS} topic, keyed
 * by post id, so the newest state of every post is always there to be read from the beginning.
 *
 * @param text         the post's text (plain text or HTML as the blog has it), for judging relevance
 * @param commentsOpen whether new comments are accepted
 */
public record PostUpdated(
        int schemaVersion,
        String postId,
        String title,
        String url,
        String text,
        boolean commentsOpen,
        Instant updatedAt) implements VersionedEvent {

    public static PostUpdated of(String postId, String title, String url, String text, boolean commentsOpen,
                                 Instant updatedAt) {
        return new PostUpdated(SCHEMA_VERSION, postId, title, url, text, commentsOpen, updatedAt);
    }
}
