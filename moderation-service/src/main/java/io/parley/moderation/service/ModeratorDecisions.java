package io.parley.moderation.service;

import io.parley.events.ModerationDecision;
import io.parley.events.Outcome;
import io.parley.moderation.domain.DecisionRecord;
import io.parley.moderation.domain.ModeratedComment;
import io.parley.moderation.domain.TrainingLabel;
import io.parley.moderation.engine.classify.Label;
import io.parley.moderation.messaging.DecisionPublisher;
import io.parley.moderation.repository.DecisionRecordRepository;
import io.parley.moderation.repository.ModeratedCommentRepository;
import io.parley.moderation.repository.TrainingLabelRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * A moderator's decision about a comment (the moderation API of issue 5 calls this): recorded as a
 * newer decision, published, and, when it is approve, spam or reject, kept as a training label that
 * triggers a background retraining.
 */
@ApplicationScoped
public class ModeratorDecisions {

    private final ModeratedCommentRepository comments;
    private final DecisionRecordRepository decisions;
    private final TrainingLabelRepository labels;
    private final DecisionPublisher publisher;
    private final ModelTraining training;
    private final Clock clock;

    public ModeratorDecisions(ModeratedCommentRepository comments, DecisionRecordRepository decisions,
                              TrainingLabelRepository labels, DecisionPublisher publisher, ModelTraining training,
                              Clock clock) {
        this.comments = comments;
        this.decisions = decisions;
        this.labels = labels;
        this.publisher = publisher;
        this.training = training;
        this.clock = clock;
    }

    /**
     * Records and publishes a moderator's outcome for a comment.
     *
     * @throws NoSuchElementException   when moderation does not know the comment
     * @throws IllegalArgumentException for {@link Outcome#WITHDRAWN}, which only the commenter can choose,
     *                                  or a withdrawn comment
     */
    public ModerationDecision decide(UUID commentId, Outcome outcome, String moderator) {
        if (outcome == Outcome.WITHDRAWN) {
            throw new IllegalArgumentException("only the commenter can withdraw a comment");
        }
        Instant now = Instant.now(clock);
        ModerationDecision decision = QuarkusTransaction.requiringNew().call(() -> {
            ModeratedComment comment = comments.findById(commentId);
            if (comment == null) {
                throw new NoSuchElementException("no comment " + commentId);
            }
            if (comment.outcome == Outcome.WITHDRAWN) {
                throw new IllegalArgumentException("comment " + commentId + " was withdrawn by the commenter");
            }
            comment.outcome = outcome;
            comment.decisionVersion++;
            decisions.persist(DecisionRecord.of(comment, moderator, "moderator decision", now));
            Label.of(outcome).ifPresent(label -> labels.persist(TrainingLabel.of(comment, label, moderator, now)));
            return comment.toDecisionEvent(now);
        });
        publisher.publish(List.of(decision));
        if (Label.of(outcome).isPresent()) {
            training.retrainInBackground();
        }
        return decision;
    }
}
