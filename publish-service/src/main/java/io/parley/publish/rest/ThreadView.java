package io.parley.publish.rest;

import io.parley.publish.domain.PublishedComment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A post's published comments, threaded. {@code count} counts every published comment, replies included. */
public record ThreadView(String postId, long count, List<CommentView> comments) {

    public record AuthorView(String name, String url) {
    }

    public record CommentView(UUID id, UUID parentId, AuthorView author, String html, Instant createdAt,
                              List<CommentView> replies) {

        public static CommentView of(PublishedComment comment, List<CommentView> replies) {
            return new CommentView(comment.id, comment.parentId, new AuthorView(comment.authorName, comment.authorUrl),
                    comment.html, comment.submittedAt, replies);
        }
    }
}
