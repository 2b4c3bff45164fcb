package io.parley.moderation.service;

import io.parley.events.CommentSubmitted;
import io.parley.events.Topics;
import io.parley.moderation.engine.classify.ModelSet;
import io.parley.moderation.messaging.PublishedDecisions;
import io.parley.moderation.repository.ClassifierModelRepository;
import io.parley.moderation.repository.DecisionRecordRepository;
import io.parley.testsupport.KafkaAndPostgres;
import io.parley.testsupport.TestEvents;
import io.parley.testsupport.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code parley.moderation.second-stage=true}: models carry the embedding heads and decisions use them. */
@QuarkusTest
@TestProfile(SecondStageWiringTest.SecondStageOn.class)
@QuarkusTestResource(value = KafkaAndPostgres.class, initArgs = @ResourceArg(name = "database", value = "moderation"))
class SecondStageWiringTest {

    public static class SecondStageOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.moderation.second-stage", "true");
        }
    }

    private final TopicProbe topics = TopicProbe.shared();
    private final PublishedDecisions published = new PublishedDecisions();

    @Inject
    ModelTraining training;

    @Inject
    ClassifierModelRepository models;

    @Inject
    DecisionRecordRepository decisions;

    @Test
    void retrainedModelCarriesTheSecondStageAndAnInsultIsScoredAgainByIt() {
        int version = training.retrain();
        ModelSet stored = ModelSet.fromBytes(version,
                QuarkusTransaction.requiringNew().call(() -> models.findById(version).model));
        assertThat(stored.heads()).isNotNull();

        // Words of the starter corpus's insults: the n-gram stage finds it likely offensive, which the
        // second stage always looks at again.
        CommentSubmitted insult = TestEvents.submitted(TestEvents.newPostId(),
                "Shut up, you pathetic clown. " + UUID.randomUUID());
        topics.sendJson(Topics.COMMENTS, insult.postId(), insult);
        published.await(insult.commentId(), 1);

        List<String> rules = QuarkusTransaction.requiringNew()
                .call(() -> decisions.history(insult.commentId()).get(0).rules);
        assertThat(rules).contains("second-stage");
    }
}
