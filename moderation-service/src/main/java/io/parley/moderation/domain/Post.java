package io.parley.moderation.domain;

import io.parley.events.PostUpdated;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The newest state of a blog post, so comments can be judged against its text. */
@Entity
@Table(name = "post")
public class Post {

    @Id
    public String id;

    public String title;

    public String url;

    public String text;

    @Column(name = "comments_open", nullable = false)
    public boolean commentsOpen;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Post from(PostUpdated event) {
        Post post = new Post();
        post.id = event.postId();
        post.apply(event);
        return post;
    }

    public void apply(PostUpdated event) {
        title = event.title();
        url = event.url();
        text = event.text();
        commentsOpen = event.commentsOpen();
        updatedAt = event.updatedAt();
    }

    /** Title and text together: both say what the post is about. */
    public String relevanceText() {
        return (title == null ? "" : title + "\n") + (text == null ? "" : text);
    }
}
