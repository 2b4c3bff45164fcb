package io.parley.moderation.service;

import io.parley.events.CommentSubmitted;
import io.parley.events.ModerationDecision;
import io.parley.events.Outcome;
import io.parley.events.Topics;
import io.parley.moderation.domain.ClassifierModel;
import io.parley.moderation.domain.TrainingLabel;
import io.parley.moderation.engine.StarterData;
import io.parley.moderation.engine.classify.Label;
import io.parley.moderation.messaging.PublishedDecisions;
import io.parley.moderation.repository.ClassifierModelRepository;
import io.parley.moderation.repository.DecisionRecordRepository;
import io.parley.moderation.repository.TrainingLabelRepository;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.parley.testsupport.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "moderation"))
class ModelLifecycleTest {

    private final TopicProbe topics = TopicProbe.shared();
    private final PublishedDecisions published = new PublishedDecisions();

    @Inject
    ModelTraining training;

    @Inject
    ModeratorDecisions moderators;

    @Inject
    ClassifierModelRepository models;

    @Inject
    TrainingLabelRepository labels;

    @Inject
    DecisionRecordRepository decisions;

    @Test
    void retrainedModelIsUsedForNewDecisionsAndRollbackRestoresThePreviousOne() throws Exception {
        training.retrainInBackground().get(60, TimeUnit.SECONDS);
        int before = currentVersion();

        int retrained = training.retrain();
        assertThat(retrained).isGreaterThan(before);
        assertThat(currentVersion()).isEqualTo(retrained);
        assertThat(modelVersionUsedFor(submitComment())).isEqualTo(retrained);

        assertThat(training.rollback()).isEqualTo(before);
        assertThat(currentVersion()).isEqualTo(before);
        assertThat(QuarkusTransaction.requiringNew().call(() -> models.findById(retrained).status))
                .isEqualTo(ClassifierModel.Status.rolled_back);
        assertThat(modelVersionUsedFor(submitComment())).isEqualTo(before);
    }

    @Test
    void moderatorDecisionIsPublishedKeptAsLabelAndTrainsANewModel() {
        CommentSubmitted comment = submitComment();
        published.await(comment.commentId(), 1);
        int before = currentVersion();

        ModerationDecision decision = moderators.decide(comment.commentId(), Outcome.SPAM, "moderator-1");

        assertThat(decision.version()).isEqualTo(2);
        assertThat(decision.outcome()).isEqualTo(Outcome.SPAM);
        assertThat(published.await(comment.commentId(), 2).outcome()).isEqualTo(Outcome.SPAM);
        TrainingLabel label = QuarkusTransaction.requiringNew()
                .call(() -> labels.find("commentId", comment.commentId()).singleResult());
        assertThat(label.label).isEqualTo(Label.SPAM);
        assertThat(label.labeledBy).isEqualTo("moderator-1");
        assertThat(label.body).isEqualTo(comment.body());

        await().atMost(Duration.ofSeconds(60)).until(() -> currentVersion() > before);
        ClassifierModel newest = QuarkusTransaction.requiringNew().call(() -> models.current().orElseThrow());
        long labelCount = QuarkusTransaction.requiringNew().call(() -> labels.count());
        assertThat(newest.trainedOn).isEqualTo(StarterData.corpus().size() + (int) labelCount);
        assertThat(QuarkusTransaction.requiringNew().call(() -> decisions.history(comment.commentId())))
                .last().satisfies(d -> assertThat(d.decidedBy).isEqualTo("moderator-1"));
    }

    @Test
    void moderatorCannotWithdrawOnTheCommentersBehalf() {
        CommentSubmitted comment = submitComment();
        published.await(comment.commentId(), 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> moderators.decide(comment.commentId(), Outcome.WITHDRAWN, "moderator-1"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> moderators.decide(UUID.randomUUID(), Outcome.APPROVED, "moderator-1"))
                .isInstanceOf(java.util.NoSuchElementException.class);
    }

    private CommentSubmitted submitComment() {
        CommentSubmitted event = TestEvents.submitted(TestEvents.newPostId(),
                "Interesting take on metadata, I had not thought about it. " + UUID.randomUUID());
        topics.sendJson(Topics.COMMENTS, event.postId(), event);
        return event;
    }

    private int modelVersionUsedFor(CommentSubmitted event) {
        published.await(event.commentId(), 1);
        return QuarkusTransaction.requiringNew().call(() -> decisions.history(event.commentId()).get(0).modelVersion);
    }

    private int currentVersion() {
        return QuarkusTransaction.requiringNew().call(() -> models.currentVersion().orElseThrow());
    }
}
