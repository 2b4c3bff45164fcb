package io.parley.ingest.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A submission made with an Idempotency-Key: enough to answer a retry exactly as the first time and
 * to write the same event again (consumers ignore the repeat). Purged after the retention period.
 */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyRecord {

    @Id
    @Column(name = "idempotency_key")
    public String key;

    /** SHA-256 of the normalised comment, so the same key with another comment is refused. */
    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "comment_id", nullable = false)
    public UUID commentId;

    @Column(name = "post_id", nullable = false)
    public String postId;

    /** The event as first written, JSON. */
    @Column(name = "event", nullable = false)
    public String event;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
