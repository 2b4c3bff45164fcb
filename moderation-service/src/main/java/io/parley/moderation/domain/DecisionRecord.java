package io.parley.moderation.domain;

import io.parley.events.Outcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One decision about a comment, kept forever so any outcome can be explained and audited. */
@Entity
@Table(name = "decision")
public class DecisionRecord {

    public static final String AUTOMATIC = "auto";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "comment_id", nullable = false)
    public UUID commentId;

    @Column(nullable = false)
    public long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    public String reason;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    public static DecisionRecord of(ModeratedComment comment, String decidedBy, String reason, Instant decidedAt) {
        DecisionRecord record = new DecisionRecord();
        record.commentId = comment.id;
        record.version = comment.decisionVersion;
        record.outcome = comment.outcome;
        record.decidedBy = decidedBy;
        record.reason = reason;
        record.decidedAt = decidedAt;
        return record;
    }
}
