package io.parley.moderation.domain;

import io.parley.events.AbuseSignals;
import io.parley.events.CommentAuthor;
import io.parley.events.CommentSubmitted;
import io.parley.events.ModerationDecision;
import io.parley.events.Outcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A comment as moderation knows it, with its current outcome. */
@Entity
@Table(name = "comment")
public class ModeratedComment {

    @Id
    public UUID id;

    @Column(name = "post_id", nullable = false)
    public String postId;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "author_name", nullable = false)
    public String authorName;

    @Column(name = "author_email")
    public String authorEmail;

    @Column(name = "author_url")
    public String authorUrl;

    @Column(nullable = false)
    public String body;

    /** The commenter's stable pseudonym from ingest, for trust; null from producers that predate it. */
    @Column(name = "author_key")
    public String authorKey;

    /** How ingest saw the submission; null from producers that predate the signals. */
    @JdbcTypeCode(SqlTypes.JSON)
    public AbuseSignals signals;

    /** The newest ingest event version applied: redelivered or older events are recognised by it. */
    @Column(name = "event_version", nullable = false)
    public long eventVersion;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    /** Version of the newest decision, as published: publish ignores anything older. */
    @Column(name = "decision_version", nullable = false)
    public long decisionVersion;

    public static ModeratedComment from(CommentSubmitted event, Instant receivedAt) {
        ModeratedComment comment = new ModeratedComment();
        comment.id = event.commentId();
        comment.postId = event.postId();
        comment.parentId = event.parentId();
        CommentAuthor author = event.author();
        comment.authorName = author.name();
        comment.authorEmail = author.email();
        comment.authorUrl = author.url();
        comment.body = event.body();
        comment.authorKey = event.authorKey();
        comment.signals = event.signals();
        comment.eventVersion = event.version();
        comment.submittedAt = event.occurredAt();
        comment.receivedAt = receivedAt;
        return comment;
    }

    public CommentAuthor author() {
        return new CommentAuthor(authorName, authorEmail, authorUrl);
    }

    /** The current decision as an event, as publish must see it. */
    public ModerationDecision toDecisionEvent(Instant decidedAt) {
        return ModerationDecision.of(id, decisionVersion, postId, parentId, outcome, author().toPublic(), body,
                submittedAt, decidedAt);
    }
}
