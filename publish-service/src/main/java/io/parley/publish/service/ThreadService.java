package io.parley.publish.service;

import io.parley.events.ModerationDecision;
import io.parley.publish.domain.PublishedComment;
import io.parley.publish.repository.PublishedCommentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Applies moderation decisions to the read model. */
@ApplicationScoped
public class ThreadService {

    private final PublishedCommentRepository comments;
    private final CommentRenderer renderer;
    private final Clock clock;

    public ThreadService(PublishedCommentRepository comments, CommentRenderer renderer, Clock clock) {
        this.comments = comments;
        this.renderer = renderer;
        this.clock = clock;
    }

    /**
     * Applies a batch in one transaction. A decision whose version is not newer than the one held is
     * ignored, so redelivery and reordering never resurrect or duplicate a comment.
     */
    @Transactional
    public List<ModerationDecision> apply(List<ModerationDecision> decisions) {
        Instant now = Instant.now(clock);
        Map<UUID, PublishedComment> known = comments.findAllById(
                decisions.stream().map(ModerationDecision::commentId).toList());
        for (ModerationDecision decision : decisions) {
            PublishedComment comment = known.get(decision.commentId());
            if (comment != null && comment.decisionVersion >= decision.version()) {
                continue;
            }
            if (comment == null) {
                comment = new PublishedComment();
                comment.id = decision.commentId();
                applyTo(comment, decision, now);
                comments.persist(comment);
                known.put(comment.id, comment);
            } else {
                applyTo(comment, decision, now);
            }
        }
        return decisions;
    }

    private void applyTo(PublishedComment comment, ModerationDecision decision, Instant now) {
        comment.postId = decision.postId();
        comment.parentId = decision.parentId();
        comment.submittedAt = decision.submittedAt();
        comment.decisionVersion = decision.version();
        comment.updatedAt = now;
        comment.visible = decision.outcome().isVisible();
        if (comment.visible) {
            comment.authorName = decision.author().name();
            comment.authorUrl = decision.author().url();
            comment.html = renderer.render(decision.body());
        } else {
            // Readers never see it, so publish does not keep what it said or who said it.
            comment.authorName = null;
            comment.authorUrl = null;
            comment.html = null;
        }
    }
}
