package io.parley.publish.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A comment as readers may see it; {@code html} is rendered and sanitised once, when stored. */
@Entity
@Table(name = "published_comment")
public class PublishedComment {

    @Id
    public UUID id;

    @Column(name = "post_id", nullable = false)
    public String postId;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(nullable = false)
    public boolean visible;

    @Column(name = "author_name")
    public String authorName;

    @Column(name = "author_url")
    public String authorUrl;

    public String html;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "decision_version", nullable = false)
    public long decisionVersion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
