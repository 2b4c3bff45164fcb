package io.parley.moderation.domain;

import io.parley.moderation.engine.classify.Label;
import io.parley.moderation.engine.classify.LabeledComment;
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

/** A moderator's decision as a training label, with the text as the moderator saw it. */
@Entity
@Table(name = "training_label")
public class TrainingLabel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "comment_id", nullable = false)
    public UUID commentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Label label;

    @Column(nullable = false)
    public String body;

    @Column(name = "author_name")
    public String authorName;

    @Column(name = "author_url")
    public String authorUrl;

    @Column(name = "labeled_by", nullable = false)
    public String labeledBy;

    @Column(name = "labeled_at", nullable = false)
    public Instant labeledAt;

    public static TrainingLabel of(ModeratedComment comment, Label label, String moderator, Instant at) {
        TrainingLabel l = new TrainingLabel();
        l.commentId = comment.id;
        l.label = label;
        l.body = comment.body;
        l.authorName = comment.authorName;
        l.authorUrl = comment.authorUrl;
        l.labeledBy = moderator;
        l.labeledAt = at;
        return l;
    }

    public LabeledComment toLabeledComment() {
        return new LabeledComment(body, authorName, authorUrl, label);
    }
}
