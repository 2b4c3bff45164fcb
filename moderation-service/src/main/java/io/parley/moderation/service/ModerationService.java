package io.parley.moderation.service;

import io.parley.events.CommentEvent;
import io.parley.events.CommentSubmitted;
import io.parley.events.ModerationDecision;
import io.parley.moderation.domain.DecisionRecord;
import io.parley.moderation.domain.ModeratedComment;
import io.parley.moderation.repository.DecisionRecordRepository;
import io.parley.moderation.repository.ModeratedCommentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Applies comment events to the moderation database and says which decisions to publish. */
@ApplicationScoped
public class ModerationService {

    private final ModeratedCommentRepository comments;
    private final DecisionRecordRepository decisions;
    private final Labeler labeler;
    private final Clock clock;

    public ModerationService(ModeratedCommentRepository comments, DecisionRecordRepository decisions, Labeler labeler,
                             Clock clock) {
        this.comments = comments;
        this.decisions = decisions;
        this.labeler = labeler;
        this.clock = clock;
    }

    /**
     * Applies a batch in one transaction. An event already applied (same comment, same or older
     * version) changes nothing but still yields the comment's current decision: if the previous attempt
     * committed but crashed before publishing, publishing it now heals that, and publish ignores repeats.
     */
    @Transactional
    public List<ModerationDecision> apply(List<CommentEvent> events) {
        Instant now = Instant.now(clock);
        Map<UUID, ModeratedComment> known = comments.findAllById(events.stream().map(CommentEvent::commentId).toList());
        List<ModerationDecision> toPublish = new ArrayList<>(events.size());
        for (CommentEvent event : events) {
            ModeratedComment existing = known.get(event.commentId());
            if (existing != null && existing.eventVersion >= event.version()) {
                toPublish.add(existing.toDecisionEvent(now));
                continue;
            }
            ModeratedComment comment;
            if (event instanceof CommentSubmitted submitted) {
                comment = submit(submitted, now);
            } else {
                throw new IllegalArgumentException("unhandled event type " + event.getClass().getSimpleName());
            }
            known.put(comment.id, comment);
            toPublish.add(comment.toDecisionEvent(now));
        }
        return toPublish;
    }

    private ModeratedComment submit(CommentSubmitted event, Instant now) {
        ModeratedComment comment = ModeratedComment.from(event, now);
        Labeler.Label label = labeler.label(comment.body);
        comment.outcome = label.outcome();
        comment.decisionVersion = 1;
        comments.persist(comment);
        decisions.persist(DecisionRecord.of(comment, DecisionRecord.AUTOMATIC, label.reason(), now));
        return comment;
    }
}
