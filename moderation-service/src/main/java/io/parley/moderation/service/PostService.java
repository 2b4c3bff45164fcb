package io.parley.moderation.service;

import io.parley.events.PostUpdated;
import io.parley.moderation.domain.Post;
import io.parley.moderation.repository.PostRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** Keeps the newest state of each post; an update older than the one held changes nothing. */
@ApplicationScoped
public class PostService {

    private final PostRepository posts;

    public PostService(PostRepository posts) {
        this.posts = posts;
    }

    @Transactional
    public List<Void> apply(List<PostUpdated> events) {
        for (PostUpdated event : events) {
            Post post = posts.findById(event.postId());
            if (post == null) {
                posts.persist(Post.from(event));
            } else if (event.updatedAt() != null && !event.updatedAt().isBefore(post.updatedAt)) {
                post.apply(event);
            }
        }
        return List.of();
    }
}
