package io.parley.moderation.domain;

import io.parley.events.Outcome;
import io.parley.moderation.engine.Assessment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One decision about a comment, kept forever so any outcome can be explained and audited. */
@Entity
@Table(name = "decision")
public class DecisionRecord {

    public static final String AUTOMATIC = "auto";
    /** The commenter's own action (withdrawal). */
    public static final String COMMENTER = "commenter";

    /**
     * The column's default assigns it, for the consumer's array-bound inserts and Hibernate's alike. The
     * sequence still steps by 50 (V21), so an instance still allocating blocks of 50 during a rolling
     * upgrade takes ids no default ever hands out.
     */
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

    /** The engine's scores ({@code spam}, {@code spamModel}, {@code offensive}, {@code offTopic}); null for human decisions. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Double> scores;

    /** One sentence per piece of evidence. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> reasons;

    /** Identifiers of the rules that fired. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> rules;

    /** Version of the classifier models that scored the comment; null for human decisions. */
    @Column(name = "model_version")
    public Integer modelVersion;

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

    /** An automatic decision with the evidence behind it. */
    public static DecisionRecord automatic(ModeratedComment comment, Assessment assessment, Instant decidedAt) {
        DecisionRecord record = of(comment, AUTOMATIC, summary(assessment.reasons()), decidedAt);
        record.scores = assessment.scores();
        record.reasons = assessment.reasons();
        record.rules = assessment.rules();
        record.modelVersion = assessment.modelVersion();
        return record;
    }

    private static String summary(List<String> reasons) {
        return String.join("; ", reasons);
    }
}
