package io.parley.publish.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One page of a post's thread: top-level comments in the requested order, each with its replies
 * nested (oldest first). {@code count} counts every published comment of the post, replies
 * included; {@code nextCursor} is null on the last page.
 */
public record ThreadView(String postId, long count, String sort, List<CommentView> comments, String nextCursor) {

    public record AuthorView(String name, String url) {
    }

    /**
     * A published comment, or (with {@code removed} true) the placeholder of a comment taken down
     * after readers saw it, kept because replies to it are still shown: it has no author and no html.
     */
    public record CommentView(UUID id, UUID parentId, boolean removed, AuthorView author, String html,
                              Instant createdAt, Instant editedAt, List<CommentView> replies) {
    }
}
