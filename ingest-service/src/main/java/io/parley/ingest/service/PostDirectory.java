package io.parley.ingest.service;

import io.parley.events.PostUpdated;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which posts are registered and whether they take comments, as last written to the compacted posts
 * topic. Every ingest instance reads the whole topic into memory at start, so checking a comment
 * costs no database round trip. Only what ingest checks is kept: a post's text (up to 200,000
 * characters) is for moderation, and every post the blog ever registered stays in this map.
 */
@ApplicationScoped
public class PostDirectory {

    /** What ingest knows of a post: whether it takes comments, as of the update stamped {@code updatedAt}. */
    public record PostStatus(boolean commentsOpen, Instant updatedAt) {
    }

    private final Map<String, PostStatus> posts = new ConcurrentHashMap<>();

    public void apply(PostUpdated post) {
        posts.merge(post.postId(), new PostStatus(post.commentsOpen(), post.updatedAt()), (known, incoming) ->
                incoming.updatedAt().isBefore(known.updatedAt()) ? known : incoming);
    }

    public Optional<PostStatus> find(String postId) {
        return Optional.ofNullable(posts.get(postId));
    }
}
