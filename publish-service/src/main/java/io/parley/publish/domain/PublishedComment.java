package io.parley.publish.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A comment publish has heard of, with the newest decision applied. {@code html} is rendered and
 * sanitised once, when stored, and kept only while the comment is visible.
 */
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

    /** Readers saw it at some point; when hidden again it may stand as a {@code [removed]} placeholder. */
    @Column(name = "was_published", nullable = false)
    public boolean wasPublished;

    @Column(name = "author_name")
    public String authorName;

    @Column(name = "author_url")
    public String authorUrl;

    public String html;

    /** Digest of the Markdown body: tells an edit from a re-approval of the same words. */
    @Column(name = "body_sha256")
    public String bodySha256;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "edited_at")
    public Instant editedAt;

    @Column(name = "decision_version", nullable = false)
    public long decisionVersion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Taken down after readers saw it. */
    public boolean isRemoved() {
        return wasPublished && !visible;
    }
}
