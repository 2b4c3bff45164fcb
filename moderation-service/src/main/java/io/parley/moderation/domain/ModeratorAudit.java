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

/** The audit row of one moderator decision. */
@Entity
@Table(name = "moderator_audit")
public class ModeratorAudit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "comment_id", nullable = false)
    public UUID commentId;

    /** The decision version the moderator's decision was published with. */
    @Column(name = "decision_version", nullable = false)
    public long decisionVersion;

    @Column(nullable = false)
    public String moderator;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_outcome", nullable = false)
    public Outcome fromOutcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_outcome", nullable = false)
    public Outcome toOutcome;

    public String reason;

    /** The classifier version in force when the moderator decided. */
    @Column(name = "model_version")
    public Integer modelVersion;
}
