package io.parley.publish.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Per post: how many comments are visible and a version that changes whenever what readers see
 * may have changed. Written only by the decision consumer; read for counts and ETags.
 */
@Entity
@Table(name = "thread")
public class PostThread {

    @Id
    @Column(name = "post_id")
    public String postId;

    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public int count;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
