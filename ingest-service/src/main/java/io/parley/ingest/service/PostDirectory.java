package io.parley.ingest.service;

import io.parley.events.PostUpdated;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which posts are registered and whether they take comments, as last written to the compacted posts
 * topic. Every ingest instance reads the whole topic into memory at start, so checking a comment
 * costs no database round trip.
 */
@ApplicationScoped
public class PostDirectory {

    private final Map<String, PostUpdated> posts = new ConcurrentHashMap<>();

    public void apply(PostUpdated post) {
        posts.merge(post.postId(), post, (known, incoming) ->
                incoming.updatedAt().isBefore(known.updatedAt()) ? known : incoming);
    }

    public Optional<PostUpdated> find(String postId) {
        return Optional.ofNullable(posts.get(postId));
    }
}
